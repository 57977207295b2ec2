; Every call by name, wherever recovery put it; src/extract/unavailable.ts decides which matter.
(call_expression
  function: (identifier) @call.name)
