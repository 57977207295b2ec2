# v923z/micropython-usermod largemodule: functions defined in a second unit.
import largemodule as lm

print(lm.add_ints(2, 40), lm.subtract_ints(2, 40), lm.add_ints(-5, 5))
