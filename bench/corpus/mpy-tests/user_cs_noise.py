# oclyke/city-skies noise: OpenSimplexNoise over the vendored open-simplex-noise-in-c library.
import noise

n = noise.OpenSimplexNoise(seed=1234)
print(type(n).__name__, sorted(k for k in dir(n) if not k.startswith("_")))
v = n.noise_at((0.5, 0.25, 0.125))
print(type(v).__name__, round(v, 5) == round(n.noise_at((0.5, 0.25, 0.125)), 5))
