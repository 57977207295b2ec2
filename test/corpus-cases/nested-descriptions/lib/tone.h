#ifndef TONE_H
#define TONE_H
// Samples of a square wave of the given period, starting high.
int tone_square(int period, int index);
#endif
