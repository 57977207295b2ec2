/*
 * The scheduler's entry points (py/runtime.h) for code that waits, such as select's
 * poll loop. A natmod cannot reach the VM's queue of callbacks and pending exceptions,
 * but time.sleep_ms() runs them on every port (its delay handles events), so these
 * wait through it. A timed wait is cut to 1 ms so that the caller re-checks its
 * condition as often as an event could have woken it. Pending exceptions are raised
 * whatever the behaviour asked for: a natmod can neither keep nor drop them.
 */
#include "py/dynruntime.h"
#include "mphal.h"

void mp_handle_pending(mp_handle_pending_behaviour_t behavior) {
    (void)behavior;
    mp_hal_delay_ms(0);
}

void mp_event_handle_nowait(void) {
    mp_hal_delay_ms(0);
}

void mp_event_wait_indefinite(void) {
    mp_hal_delay_ms(1);
}

void mp_event_wait_ms(mp_uint_t timeout_ms) {
    mp_hal_delay_ms(timeout_ms ? 1 : 0);
}
