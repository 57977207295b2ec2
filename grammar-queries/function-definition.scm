; Function definitions and function-like macros: names a file may call whatever their prefix.
(function_definition
  declarator: (function_declarator
    declarator: (identifier) @function.name))
(function_definition
  declarator: (pointer_declarator
    declarator: (function_declarator
      declarator: (identifier) @function.name)))
(preproc_function_def
  name: (identifier) @function.name)
