add_library(usermod_tonemod INTERFACE)
target_sources(usermod_tonemod INTERFACE
    ${CMAKE_CURRENT_LIST_DIR}/tonemod.c
    ${CMAKE_CURRENT_LIST_DIR}/../lib/tone.c
)
target_include_directories(usermod_tonemod INTERFACE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(usermod INTERFACE usermod_tonemod)
