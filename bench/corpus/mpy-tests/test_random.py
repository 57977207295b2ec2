import random
random.seed(42)
print([random.getrandbits(8) for _ in range(5)])
print(random.randrange(10, 100, 7), random.randint(1, 6), random.choice('abcdef'))
print(round(random.random(), 6), round(random.uniform(2, 3), 6))
try:
    random.randrange(5, 5)
except ValueError as e:
    print('ValueError', e)
