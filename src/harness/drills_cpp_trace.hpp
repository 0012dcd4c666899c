// Where a C++ solution crashed or threw: return addresses the parent turns into the solution's frames (function and
// solution.cpp:line, with addr2line over the build's line tables). Included once, by drills_cpp_main.cpp.
//
// - A crash: the signal handler (on the alternate stack, so a stack overflow is caught too) sends a `crash` message
//   with the signal and the addresses, then the process dies by the signal as before.
// - An exception: every throw records its addresses (the program's calls of __cxa_throw reach the wrapper below
//   first, which calls the C++ runtime's); when the exception reaches the harness, its error carries them. Costs a backtrace per throw, nothing else.
//
// Addresses are sent relative to the executable's load address (what addr2line reads), frames outside the
// executable (libc, libstdc++) are left out, and return addresses are moved back into their call instruction.
#pragma once

#include "drills_cpp.hpp"

#include <link.h>
#include <unwind.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <typeinfo>

namespace drills {
namespace trace {

/** At most this many frames are kept: enough to see the recursion of a stack overflow, bounded. */
constexpr int MAX_FRAMES = 48;

struct Exe {
    std::uintptr_t base = 0, low = 0, high = 0;
};
inline Exe exe;

/** The last throw on this thread: the object thrown and where from. */
struct Thrown {
    const void* object = nullptr;
    void* frames[MAX_FRAMES + 2];
    int count = 0;
};
inline thread_local Thrown thrown;

inline bool inExe(void* p) {
    std::uintptr_t a = reinterpret_cast<std::uintptr_t>(p);
    return a >= exe.low && a < exe.high;
}

/**
 * The return addresses on the stack, from the caller of `walk` outwards, as glibc's backtrace() gives them, through
 * the unwinder linked into the program (-static-libgcc): backtrace() loads libgcc_s.so with dlopen on its first use,
 * which every start paid.
 */
struct Walk {
    void** frames;
    int size;
    int count;
};

inline _Unwind_Reason_Code walkStep(_Unwind_Context* context, void* arg) {
    Walk& w = *static_cast<Walk*>(arg);
    // The first frame is walk's own.
    if (w.count >= 0) w.frames[w.count] = reinterpret_cast<void*>(_Unwind_GetIP(context));
    return ++w.count == w.size ? _URC_END_OF_STACK : _URC_NO_REASON;
}

[[gnu::noinline]] inline int walk(void** frames, int size) {
    if (size <= 0) return 0;
    Walk w{frames, size, -1};
    _Unwind_Backtrace(walkStep, &w);
    // The outermost frame can end with a null address (as backtrace() drops it).
    if (w.count > 1 && frames[w.count - 1] == nullptr) w.count--;
    return w.count < 0 ? 0 : w.count;
}

/**
 * Finds the executable's mapping, and walks the stack once, so that a signal handler is never the first to use the
 * unwinder (its first use finds the program's unwind tables).
 */
inline void install() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) {
            // The first object listed is the executable itself.
            exe.base = info->dlpi_addr;
            exe.low = UINTPTR_MAX;
            for (int i = 0; i < info->dlpi_phnum; i++) {
                const ElfW(Phdr)& ph = info->dlpi_phdr[i];
                if (ph.p_type != PT_LOAD) continue;
                exe.low = std::min<std::uintptr_t>(exe.low, info->dlpi_addr + ph.p_vaddr);
                exe.high = std::max<std::uintptr_t>(exe.high, info->dlpi_addr + ph.p_vaddr + ph.p_memsz);
            }
            return 1;
        },
        nullptr);
    void* warm[4];
    walk(warm, 4);
}

/** Appends "0x<hex>" for `value` to `out` (no allocation: used in the signal handler). */
inline char* hex(char* out, std::uintptr_t value) {
    char digits[2 * sizeof value];
    int n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value & 15];
        value >>= 4;
    } while (value);
    *out++ = '0';
    *out++ = 'x';
    while (n > 0) *out++ = digits[--n];
    return out;
}

/**
 * Writes the frames from `first` on that lie in the executable (MAX_FRAMES at most) as a JSON array of addresses
 * relative to it. The
 * frame at `exact` (the instruction a signal interrupted) is taken as is; the others are return addresses, moved
 * back by one into the call. Signal-safe.
 */
inline char* framesJson(char* out, void* const* frames, int count, int first, int exact) {
    *out++ = '[';
    int sent = 0;
    for (int i = first; i < count && sent < MAX_FRAMES; i++) {
        if (!inExe(frames[i])) continue;
        if (sent++ > 0) *out++ = ',';
        std::uintptr_t a = reinterpret_cast<std::uintptr_t>(frames[i]) - exe.base - (i == exact ? 0 : 1);
        *out++ = '"';
        out = hex(out, a);
        *out++ = '"';
    }
    *out++ = ']';
    return out;
}

/**
 * In the crash handler: sends `{"t":"crash","signal":…,"overflow":…,"trace":[…]}` after `marker`. Signal-safe (no
 * allocation; the unwinder was loaded by install()).
 */
inline void sendCrash(int fd, const char* marker, std::size_t markerSize, int sig, bool overflow) {
    void* frames[MAX_FRAMES + 8];
    int count = exe.high ? walk(frames, MAX_FRAMES + 8) : 0;
    // The handler's frames, then the kernel's signal frame (in libc), then the interrupted instruction.
    int first = 0;
    while (first < count && inExe(frames[first])) first++;
    first++;
    static char line[64 + (MAX_FRAMES + 8) * 24 + 4096];
    if (markerSize > 4096) return;
    char* out = line;
    for (std::size_t i = 0; i < markerSize; i++) *out++ = marker[i];
    static const char head[] = "{\"t\":\"crash\",\"signal\":";
    for (const char* c = head; *c; c++) *out++ = *c;
    char digits[12];
    int n = 0, s = sig;
    do {
        digits[n++] = static_cast<char>('0' + s % 10);
        s /= 10;
    } while (s);
    while (n > 0) *out++ = digits[--n];
    static const char over[] = ",\"overflow\":";
    for (const char* c = over; *c; c++) *out++ = *c;
    for (const char* c = overflow ? "true" : "false"; *c; c++) *out++ = *c;
    static const char frameKey[] = ",\"trace\":";
    for (const char* c = frameKey; *c; c++) *out++ = *c;
    out = first < count ? framesJson(out, frames, count, first, first) : framesJson(out, frames, 0, 0, -1);
    *out++ = '}';
    *out++ = '\n';
    const char* p = line;
    std::size_t left = static_cast<std::size_t>(out - line);
    while (left > 0) {
        ssize_t w = ::write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        p += w;
        left -= static_cast<std::size_t>(w);
    }
}

/**
 * Adds `trace` (where it was thrown) to an error describing the exception at `object` (null: whatever was thrown
 * last on this thread, for a value that is not a std::exception).
 */
inline void attachThrown(Json& error, const void* object) {
    if (thrown.count == 0 || (object && object != thrown.object)) return;
    char text[(MAX_FRAMES + 2) * 24 + 4];
    // The first frame is the __cxa_throw below.
    char* end = framesJson(text, thrown.frames, thrown.count, 1, -1);
    Json list = Json::array();
    for (const char* p = text + 1; p < end - 1;) {
        const char* q = p + 1;
        while (*q != '"') q++;
        list.items.push_back(Json::string(std::string(p + 1, q)));
        p = q + 1;
        if (*p == ',') p++;
    }
    if (!list.items.empty()) error.fields.emplace_back("trace", list);
}

}  // namespace trace
}  // namespace drills

/**
 * Every throw in the process, the C++ runtime's own included (std::vector::at's), comes here first: the program is
 * linked with `--wrap=__cxa_throw`, which sends every call of __cxa_throw (the solution's, the C++ library's linked
 * into the program) here, and __real___cxa_throw to the library's own.
 */
extern "C" [[noreturn]] void __real___cxa_throw(void* object, std::type_info* type, void (*destroy)(void*));
extern "C" [[noreturn]] void __wrap___cxa_throw(void* object, std::type_info* type, void (*destroy)(void*)) {
    drills::trace::Thrown& t = drills::trace::thrown;
    t.object = object;
    t.count = drills::trace::walk(t.frames, drills::trace::MAX_FRAMES + 2);
    __real___cxa_throw(object, type, destroy);
}
