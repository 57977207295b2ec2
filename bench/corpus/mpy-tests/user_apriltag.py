# apriltag (Chris-F5/apriltag): the module's own 160x120 test image through the detector.
import apriltag

img = bytearray(160 * 120)
apriltag.test_image(img)
print(sum(img) & 0xFFFFFF, img[0], img[-1])
found = apriltag.detect(img)
print(len(found))
for cx, cy in sorted(found):
    print("%.2f %.2f" % (cx, cy))
print(apriltag.detect(bytearray(160 * 120)))
for bad in (bytearray(10), b"x" * 5):
    try:
        apriltag.detect(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    apriltag.test_image(bytearray(3))
except ValueError as e:
    print("ValueError", e)
