# Shared compile settings and the layering check.

add_compile_options(-Wall -Wextra -Werror -Wno-error=deprecated-declarations)
add_compile_definitions(QT_NO_KEYWORDS)

# lld links the ~60 test programs (and the rest) in a fraction of ld.bfd's time; bfd stays the
# fallback where lld is not installed.
include(CheckLinkerFlag)
check_linker_flag(CXX -fuse-ld=lld RENSHE_HAVE_LLD)
if(RENSHE_HAVE_LLD)
  add_link_options(-fuse-ld=lld)
endif()

if(RENSHE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  # Executables at fixed addresses: an instrumented position-independent one carries 0.2-0.9
  # million relative relocations (ASan's metadata of every global), which the loader applied
  # at every start, page by page: 60 ms of every one of the thousands of processes the tests
  # start (test programs, back offices, kiosks, tools).
  add_link_options($<$<STREQUAL:$<TARGET_PROPERTY:TYPE>,EXECUTABLE>:-no-pie>)
endif()
if(RENSHE_TSAN)
  # GCC 12 warns (-Wtsan) that atomic_thread_fence is not instrumented; the warning is about
  # headers we do not own, and TSan's report is what counts.
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer -Wno-tsan)
  add_link_options(-fsanitize=thread)
endif()

# Generated protobuf/gRPC sources trip -Wextra in places we do not own. Nor are they
# instrumented by the sanitizers: protoc's output is not ours to find bugs in, and instrumented
# it was an eighth of the sanitized build's compile time (the calls into it from our code are
# still checked, and ASan's allocator sees every allocation it makes).
function(renshe_relax_generated_warnings target)
  target_compile_options(${target} PRIVATE -Wno-unused-parameter -Wno-error)
  if(RENSHE_SANITIZE)
    target_compile_options(${target} PRIVATE -fno-sanitize=all)
  endif()
endfunction()

# renshe_unity(<target>): with RENSHE_UNITY (the sanitized test preset), the target's sources
# are compiled eight to a translation unit: the gRPC, protobuf and Qt headers each includes
# are parsed once a batch instead of once a file, which took the back office's library from
# 330 to 130 s of compile time on CI's two cores. The other presets compile file by file, so
# a file that leans on another's includes or names still fails there. deploy/tidy.py checks
# a batch in one parse, its files' findings included. Names in anonymous namespaces must
# differ across a target's files (a batch is one translation unit).
function(renshe_unity target)
  if(RENSHE_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

# Record which layer a target belongs to; renshe_check_layering() walks the link closure.
function(renshe_layer target layer)
  set_property(GLOBAL APPEND PROPERTY RENSHE_LAYERED_TARGETS ${target})
  set_property(TARGET ${target} PROPERTY RENSHE_LAYER ${layer})
endfunction()

function(_renshe_link_closure target out)
  set(seen "")
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue t)
    if(t IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${t})
    if(TARGET ${t})
      get_target_property(aliased ${t} ALIASED_TARGET)
      if(aliased)
        list(APPEND queue ${aliased})
      endif()
      get_target_property(libs ${t} LINK_LIBRARIES)
      get_target_property(ilibs ${t} INTERFACE_LINK_LIBRARIES)
      foreach(l IN LISTS libs ilibs)
        if(l AND NOT l MATCHES "-NOTFOUND$" AND NOT l MATCHES "^\\$<")
          list(APPEND queue ${l})
        endif()
      endforeach()
    endif()
  endwhile()
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

function(renshe_check_layering)
  get_property(targets GLOBAL PROPERTY RENSHE_LAYERED_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(layer ${t} RENSHE_LAYER)
    _renshe_link_closure(${t} closure)
    foreach(dep IN LISTS closure)
      if(layer STREQUAL "drivers" OR layer STREQUAL "services")
        if(dep MATCHES "^Qt6?::")
          message(FATAL_ERROR "Layering: ${layer} target '${t}' links Qt (${dep}); drivers/ and services/ stay Qt-free")
        endif()
      endif()
      if(layer STREQUAL "drivers" AND dep MATCHES "^(gRPC::|protobuf::|renshe_proto)")
        message(FATAL_ERROR "Layering: drivers target '${t}' links gRPC/protobuf (${dep})")
      endif()
      if(TARGET ${dep})
        get_target_property(dep_layer ${dep} RENSHE_LAYER)
        if(dep_layer STREQUAL "kiosk" AND NOT layer STREQUAL "kiosk" AND NOT layer STREQUAL "qml")
          message(FATAL_ERROR "Layering: ${layer} target '${t}' depends on kiosk target '${dep}'")
        endif()
      endif()
    endforeach()
  endforeach()
endfunction()
