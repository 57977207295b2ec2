# ballistics-lab/micropython-bclibc: the repository's own Python wrapper (src/tiny_bclibc.py, read
# from the checkout under CORPUS_DIR) over the _tiny_bclibc C module: a trajectory table, the zero
# angle, the apex, a streamed integration and an interpolated point. Floats are single precision in
# the C library; printed to 4 significant digits.
import os, sys

sys.path.append(os.getenv("CORPUS_DIR") + "/ballistics-lab+micropython-bclibc/src")
import _tiny_bclibc
import tiny_bclibc as bc


def g(v):
    return "%.4g" % v


print(_tiny_bclibc.version(), _tiny_bclibc.SHOT_HOLDER_SIZE > 0, _tiny_bclibc.TRAJ_FLAG_ALL)
shot = bc.Shot(bc=0.310, weight_grain=168.0, muzzle_velocity_fps=2750.0)
req = bc.Request(range_limit_ft=1500.0, range_step_ft=300.0)
rows, reason = bc.integrate(shot, req)
print(len(rows), reason)
for r in rows:
    print([g(r[i]) for i in (0, 1, 2, 4, 6)])
zero = bc.find_zero_angle(shot, 300.0)
print(g(zero))
raised = bc.Shot(bc=0.310, weight_grain=168.0, muzzle_velocity_fps=2750.0, barrel_elevation_rad=0.05)
try:
    apex = bc.find_apex(raised)
    print([g(apex[i]) for i in (0, 1, 4)])
except ValueError as e:
    print("ValueError", e)
try:
    bc.find_apex(shot)
except ValueError as e:
    print("ValueError", e)
seen = []
total, reason = bc.integrate_stream(shot, req, lambda row: seen.append(g(row[1])))
print(total, reason, seen)
