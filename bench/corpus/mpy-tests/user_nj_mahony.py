# ninjasstudio/micropython cmodules mahony: Mahony AHRS filter state and conversions.
import mahony

print("%.4f %.4f" % (mahony.get_twoKp(), mahony.get_twoKi()))
q = mahony.angles_to_quaternion(0.1, 0.2, 0.3)
print(["%.5f" % v for v in q])
print(["%.5f" % v for v in mahony.quaternion_to_angles(*q)])
for _ in range(5):
    mahony.MahonyAHRSupdateIMU(0.01, 0.02, 0.03, 0.0, 0.0, 1.0, 0.01)
print(["%.5f" % v for v in mahony.Mahony_angles()])
