; `#include "file.h"` and `#include <file.h>`.
(preproc_include
  path: [(string_literal) (system_lib_string)] @include.path) @include
