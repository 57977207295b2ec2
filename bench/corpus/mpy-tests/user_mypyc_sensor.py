# anhlt/mypyc-micropython example "sensor": a dataclass with a default and a float accumulator class.
import sensor as m

r = m.SensorReading(7, 21.5, 40)
print(r, r.sensor_id, r.temperature, r.humidity, r.valid)
s = m.SensorReading(7, 21.5, 40.0, False)
print(s, r == s, r == m.SensorReading(sensor_id=7, temperature=21.5, humidity=40))
b = m.SensorBuffer()
print(b.avg_temperature(), b.avg_humidity(), b.count)
for t, h in ((20.0, 30.0), (22.5, 35.5), (19, 41)):
    b.add_reading(t, h)
print(b.count, b.sum_temp, b.sum_humidity, b.avg_temperature(), b.avg_humidity())
b.count = 1
print(b.avg_temperature())
b.reset()
print(b.count, b.sum_temp)
try:
    m.SensorBuffer(1)
except TypeError as e:
    print("TypeError", e)
try:
    m.SensorReading(1, "x", 2)
except TypeError as e:
    print("TypeError", e)
