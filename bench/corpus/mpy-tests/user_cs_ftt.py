# oclyke/city-skies ftt (module fft): FftPlan over FloatBuffers, bin_stats.
import fft

print(sorted(k for k in dir(fft) if not k.startswith("_")))
print(sorted(k for k in dir(fft.FftPlan) if not k.startswith("_")))
try:
    fft.bin_stats(3)
except Exception as e:
    print(type(e).__name__)
