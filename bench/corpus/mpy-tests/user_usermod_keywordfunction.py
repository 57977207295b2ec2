# v923z/micropython-usermod keywordfunction: mp_arg_parse_all, a required positional and a
# keyword-only argument (printf of both).
import keywordfunction as kf

print(kf.add_ints(3))
print(kf.add_ints(3, b=-7))
for args, kw in (((), {}), ((1, 2), {}), ((), {"a": 1, "b": 2})):
    try:
        kf.add_ints(*args, **kw)
    except TypeError:
        print("TypeError", len(args), len(kw))
