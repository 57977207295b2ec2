; `switch (attr) { case MP_QSTR_x: ... }`: labels that are run-time values in a natmod.
; src/extract/qstr-switch.ts keeps the switches whose own case labels are MP_QSTR_*.
(switch_statement
  condition: (parenthesized_expression) @qstr_switch.cond
  body: (compound_statement)) @qstr_switch
