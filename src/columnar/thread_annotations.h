// Clang thread-safety annotations (no-ops on other compilers), so that
// shared mutable state names the mutex that guards it.
#pragma once

#if defined(__clang__)
#define LS_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define LS_THREAD_ANNOTATION(x)
#endif

#define GUARDED_BY(x) LS_THREAD_ANNOTATION(guarded_by(x))
#define PT_GUARDED_BY(x) LS_THREAD_ANNOTATION(pt_guarded_by(x))
#define REQUIRES(...) LS_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define EXCLUDES(...) LS_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))
