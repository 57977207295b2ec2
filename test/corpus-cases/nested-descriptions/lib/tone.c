#include "tone.h"

int tone_square(int period, int index) {
    if (period <= 0) {
        return 0;
    }
    return (index % period) < (period + 1) / 2 ? 1 : -1;
}
