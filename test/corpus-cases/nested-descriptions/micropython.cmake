# Top level: the modules of this repository.
include(${CMAKE_CURRENT_LIST_DIR}/mod/micropython.cmake)
