// The C++ harness: reads one job from stdin, runs every case through what the generated glue registered
// (drills_register) and reports over the protocol in src/core/runner/protocol.ts. Compiled once per
// toolchain into an object file that every solution links with.
//
// Limits: the address space is capped at what the process uses after reading its job plus the problem's
// memory limit (std::bad_alloc then reports the case as out of memory); the stack is raised to the memory
// limit before anything runs (RLIMIT_STACK, which the main thread's stack grows against), so a 100 000-deep
// recursion works as it does on LeetCode and an endless one ends in SIGSEGV. A
// crash is reported by the parent from the exit signal; the handler here only hands over what the case
// printed, whether the stack overflowed and where it crashed (drills_cpp_trace.hpp).
#include "drills_cpp.hpp"
#include "drills_cpp_trace.hpp"

#include <cerrno>
#include <cxxabi.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

namespace drills {

// ---------------------------------------------------------------------------------------------------------
// The arena for nodes the harness builds.

namespace {
struct Block {
    char* start;
    std::size_t size;
};
std::vector<Block> blocks;
std::size_t used = 0;  // in the last block
const std::size_t FIRST_BLOCK = 64 * 1024;

void releaseArena() {
    for (const Block& b : blocks) std::free(b.start);
    blocks.clear();
    used = 0;
}
}  // namespace

void* arenaAllocate(std::size_t size) {
    size = (size + 15) & ~static_cast<std::size_t>(15);
    if (blocks.empty() || used + size > blocks.back().size) {
        std::size_t next = blocks.empty() ? FIRST_BLOCK : blocks.back().size * 2;
        while (next < size) next *= 2;
        char* start = static_cast<char*>(std::malloc(next));
        if (!start) throw std::bad_alloc();
        blocks.push_back({start, next});
        used = 0;
    }
    void* p = blocks.back().start + used;
    used += size;
    return p;
}

bool inArena(const void* p) {
    const char* c = static_cast<const char*>(p);
    for (const Block& b : blocks)
        if (c >= b.start && c < b.start + b.size) return true;
    return false;
}

// ---------------------------------------------------------------------------------------------------------
// JSON.

namespace {

struct Parser {
    const char* p;
    const char* end;
    int depth = 0;

    [[noreturn]] void fail(const char* what) { throw std::runtime_error(std::string("bad JSON in the job: ") + what); }
    void ws() {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    }
    bool literal(const char* word) {
        std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end - p) >= n && std::memcmp(p, word, n) == 0) {
            p += n;
            return true;
        }
        return false;
    }
    static void utf8(std::string& out, unsigned cp) {
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    unsigned hex4() {
        if (end - p < 4) fail("short \\u escape");
        unsigned v = 0;
        for (int i = 0; i < 4; i++) {
            char c = *p++;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= c - '0';
            else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
            else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
            else fail("bad \\u escape");
        }
        return v;
    }
    std::string str() {
        if (p >= end || *p != '"') fail("expected a string");
        p++;
        std::string out;
        while (p < end && *p != '"') {
            char c = *p++;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p >= end) fail("unterminated string");
            char e = *p++;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned cp = hex4();
                    if (cp >= 0xD800 && cp < 0xDC00 && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                        p += 2;
                        unsigned lo = hex4();
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    }
                    utf8(out, cp);
                    break;
                }
                default: fail("bad escape");
            }
        }
        if (p >= end) fail("unterminated string");
        p++;
        return out;
    }
    Json value() {
        ws();
        if (p >= end) fail("unexpected end");
        char c = *p;
        if (c == '{') {
            if (++depth > 10000) fail("nested too deeply");
            p++;
            Json j = Json::object();
            ws();
            if (p < end && *p == '}') {
                p++;
                depth--;
                return j;
            }
            for (;;) {
                ws();
                std::string key = str();
                ws();
                if (p >= end || *p != ':') fail("expected ':'");
                p++;
                j.fields.emplace_back(std::move(key), value());
                ws();
                if (p < end && *p == ',') {
                    p++;
                    continue;
                }
                if (p < end && *p == '}') {
                    p++;
                    break;
                }
                fail("expected ',' or '}'");
            }
            depth--;
            return j;
        }
        if (c == '[') {
            if (++depth > 10000) fail("nested too deeply");
            p++;
            Json j = Json::array();
            ws();
            if (p < end && *p == ']') {
                p++;
                depth--;
                return j;
            }
            for (;;) {
                j.items.push_back(value());
                ws();
                if (p < end && *p == ',') {
                    p++;
                    continue;
                }
                if (p < end && *p == ']') {
                    p++;
                    break;
                }
                fail("expected ',' or ']'");
            }
            depth--;
            return j;
        }
        if (c == '"') return Json::string(str());
        if (literal("true")) return Json::fromBool(true);
        if (literal("false")) return Json::fromBool(false);
        if (literal("null")) return Json();
        const char* start = p;
        while (p < end && (std::isdigit(static_cast<unsigned char>(*p)) || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E')) p++;
        if (p == start) fail("unexpected character");
        return Json::number(std::string(start, p));
    }
};

void writeString(std::string& out, const std::string& s) {
    static const char* HEX = "0123456789abcdef";
    out += '"';
    for (unsigned char c : s) {
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7f) {
            out += "\\u00";
            out += HEX[c >> 4];
            out += HEX[c & 15];
        } else out += static_cast<char>(c);
    }
    out += '"';
}

}  // namespace

/** JSON text of a value; iterative over arrays and objects so deep values cannot overflow the stack. */
void writeJson(std::string& out, const Json& root) {
    struct Frame {
        const Json* j;
        std::size_t next;
    };
    std::vector<Frame> stack;
    auto scalar = [&](const Json& j) -> bool {
        switch (j.kind) {
            case Json::Null: out += "null"; return true;
            case Json::Bool: out += j.boolean ? "true" : "false"; return true;
            case Json::Number: out += j.text; return true;
            case Json::String: writeString(out, j.text); return true;
            default: return false;
        }
    };
    if (scalar(root)) return;
    out += root.kind == Json::Array ? '[' : '{';
    stack.push_back({&root, 0});
    while (!stack.empty()) {
        Frame& f = stack.back();
        const Json& j = *f.j;
        std::size_t n = j.kind == Json::Array ? j.items.size() : j.fields.size();
        if (f.next >= n) {
            out += j.kind == Json::Array ? ']' : '}';
            stack.pop_back();
            continue;
        }
        if (f.next > 0) out += ',';
        const Json* child;
        if (j.kind == Json::Array) child = &j.items[f.next];
        else {
            writeString(out, j.fields[f.next].first);
            out += ':';
            child = &j.fields[f.next].second;
        }
        f.next++;
        if (!scalar(*child)) {
            out += child->kind == Json::Array ? '[' : '{';
            stack.push_back({child, 0});
        }
    }
}

std::string jsonText(const Json& j) {
    std::string out;
    writeJson(out, j);
    return out;
}

Json parseJson(const char* begin, const char* end) {
    Parser parser{begin, end};
    Json j = parser.value();
    parser.ws();
    if (parser.p != parser.end) parser.fail("trailing characters");
    return j;
}

const Json* field(const Json& j, const char* name) {
    for (const auto& [k, v] : j.fields)
        if (k == name) return &v;
    return nullptr;
}

const char* kindName(const Json& j) {
    switch (j.kind) {
        case Json::Null: return "null";
        case Json::Bool: return "a bool";
        case Json::Number: return "a number";
        case Json::String: return "a string";
        case Json::Array: return "an array";
        default: return "an object";
    }
}

namespace {
bool isIntegerText(const std::string& t) { return t.find_first_of(".eE") == std::string::npos; }
}  // namespace

long long toInteger(const Json& j, const Where& where) {
    if (j.kind != Json::Number) throw ConvertError(where + ": expected an integer, got " + kindName(j));
    if (!isIntegerText(j.text)) {
        double d = std::strtod(j.text.c_str(), nullptr);
        if (d == std::floor(d) && std::fabs(d) < 9.2e18) return static_cast<long long>(d);
        throw ConvertError(where + ": expected an integer, got " + j.text);
    }
    errno = 0;
    long long v = std::strtoll(j.text.c_str(), nullptr, 10);
    if (errno == ERANGE) throw ConvertError(where + ": " + j.text + " does not fit in a 64-bit integer");
    return v;
}

unsigned long long toUnsigned(const Json& j, const Where& where) {
    if (j.kind != Json::Number || !isIntegerText(j.text) || j.text[0] == '-') throw ConvertError(where + ": expected a non-negative integer, got " + (j.kind == Json::Number ? j.text : kindName(j)));
    errno = 0;
    unsigned long long v = std::strtoull(j.text.c_str(), nullptr, 10);
    if (errno == ERANGE) throw ConvertError(where + ": " + j.text + " does not fit in a 64-bit integer");
    return v;
}

double toDouble(const Json& j, const Where& where) {
    if (j.kind != Json::Number) throw ConvertError(where + ": expected a number, got " + kindName(j));
    return std::strtod(j.text.c_str(), nullptr);
}

Json fromDouble(double d, const Where& where) {
    if (std::isnan(d) || std::isinf(d)) throw NotJson(std::string(std::isnan(d) ? "nan" : d > 0 ? "inf" : "-inf") + (where.empty() ? "" : " at " + where));
    // The shortest text that reads back as the same double, as Python's repr and JavaScript print it.
    char buf[40];
    for (int precision = 1; precision <= 17; precision++) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    std::string text = buf;
    if (text.find_first_of(".eEn") == std::string::npos) text += ".0";
    return Json::number(text);
}

/** A duration in ms to the microsecond: a timing needs no shortest round-trip text, which costs more than a case. */
Json millisecondsJson(double ms) {
    long long us = ms > 0 ? static_cast<long long>(ms * 1000 + 0.5) : 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld.%03lld", us / 1000, us % 1000);
    return Json::number(buf);
}

Json fromSigned(long long v) { return Json::number(std::to_string(v)); }
Json fromUnsigned(unsigned long long v) { return Json::number(std::to_string(v)); }

TreeNode* buildTree(const Json& j, const Where& where) {
    if (j.kind == Json::Null) return nullptr;
    if (j.kind != Json::Array) throw ConvertError(where + ": expected a tree as a level-order array, got " + kindName(j));
    if (j.items.empty() || j.items[0].kind == Json::Null) return nullptr;
    auto node = [&](const Json& v, std::size_t i) {
        long long x = toInteger(v, where.at(i));
        return new (arenaAllocate(sizeof(TreeNode))) TreeNode(static_cast<int>(x));
    };
    TreeNode* root = node(j.items[0], 0);
    std::vector<TreeNode*> queue{root};
    std::size_t q = 0, i = 1;
    while (q < queue.size() && i < j.items.size()) {
        TreeNode* parent = queue[q++];
        for (int side = 0; side < 2 && i < j.items.size(); side++, i++) {
            if (j.items[i].kind == Json::Null) continue;
            TreeNode* child = node(j.items[i], i);
            (side == 0 ? parent->left : parent->right) = child;
            queue.push_back(child);
        }
    }
    return root;
}

ListNode* buildList(const Json& j, const Where& where) {
    if (j.kind == Json::Null) return nullptr;
    if (j.kind != Json::Array) throw ConvertError(where + ": expected a list as an array, got " + kindName(j));
    ListNode* head = nullptr;
    for (std::size_t i = j.items.size(); i-- > 0;) {
        long long x = toInteger(j.items[i], where.at(i));
        head = new (arenaAllocate(sizeof(ListNode))) ListNode(static_cast<int>(x), head);
    }
    return head;
}

Json treeToJson(const TreeNode* root, const Where& where) {
    Json out = Json::array();
    std::vector<const TreeNode*> queue{root};
    std::unordered_set<const TreeNode*> seen;
    for (std::size_t q = 0; q < queue.size(); q++) {
        const TreeNode* n = queue[q];
        if (!n) {
            out.items.emplace_back();
            continue;
        }
        if (!seen.insert(n).second) throw NotJson("a tree with a cycle" + (where.empty() ? "" : " at " + where));
        out.items.push_back(fromSigned(n->val));
        queue.push_back(n->left);
        queue.push_back(n->right);
    }
    while (!out.items.empty() && out.items.back().kind == Json::Null) out.items.pop_back();
    return out;
}

Json listToJson(const ListNode* head, const Where& where) {
    Json out = Json::array();
    std::unordered_set<const ListNode*> seen;
    for (const ListNode* n = head; n; n = n->next) {
        if (!seen.insert(n).second) throw NotJson("a linked list with a cycle" + (where.empty() ? "" : " at " + where));
        out.items.push_back(fromSigned(n->val));
    }
    return out;
}

std::string elementType(const std::string& declared) {
    if (declared.size() > 2 && declared.compare(declared.size() - 2, 2, "[]") == 0) return declared.substr(0, declared.size() - 2);
    return "any";
}

std::string mapValueType(const std::string& declared) {
    const std::string prefix = "map<string,";
    if (declared.size() > prefix.size() && declared.compare(0, prefix.size(), prefix) == 0 && declared.back() == '>')
        return declared.substr(prefix.size(), declared.size() - prefix.size() - 1);
    return "any";
}

std::string Where::str() const {
    if (!parent) return argument >= 0 ? "argument " + std::to_string(argument + 1) : std::string();
    std::string base = parent->str();
    if (key) return base + "[\"" + *key + "\"]";
    return base + "[" + std::to_string(index) + "]";
}

const std::string& anyType() {
    static const std::string any = "any";
    return any;
}

void arityMismatch(std::size_t declared, std::size_t given) {
    throw ConvertError("the solution's function takes " + std::to_string(declared) + " parameter" + (declared == 1 ? "" : "s") + ", the problem passes " + std::to_string(given));
}

// ---------------------------------------------------------------------------------------------------------
// The process: protocol, output capture, limits, signals.

namespace {

int protocolFd = 1;
std::string marker;
int captureFd = -1;
std::size_t outputCap = 1024 * 1024;
volatile sig_atomic_t inCase = 0;
char* stackLow = nullptr;  // lowest address the main thread's stack may reach
char* stackTop = nullptr;  // an address near the top of the main thread's stack
char altStack[64 * 1024];

void writeAll(int fd, const char* data, std::size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

/** Messages not written yet: a case's result goes out with the next case's start, in one write (and one wake-up of the parent). */
std::string pending;

void send(const Json& message) {
    pending += marker;
    writeJson(pending, message);
    pending += '\n';
}

/** Writes the messages sent so far; before anything of the solution runs, and before the process ends. */
void flushMessages() {
    writeAll(protocolFd, pending.data(), pending.size());
    pending.clear();
}

Json message(const char* type) {
    Json m = Json::object();
    m.fields.emplace_back("t", Json::string(type));
    return m;
}

void flushSolutionOutput() {
    std::cout.flush();
    std::cerr.flush();
    std::clog.flush();
    std::fflush(nullptr);
}

/**
 * The file that takes what the solution prints: in memory (memfd), else an unlinked temporary file. Its size is
 * capped once the job gives the cap (capOutput), so that a flood costs neither memory nor disk.
 */
int newCaptureFile() {
#ifdef SYS_memfd_create
    int fd = static_cast<int>(syscall(SYS_memfd_create, "drills-output", 1u /* MFD_CLOEXEC */));
    if (fd >= 0) return fd;
#endif
    std::FILE* f = std::tmpfile();
    return f ? fileno(f) : -1;
}

/**
 * Past the cap and one byte more, a write to the capture file fails (EFBIG) instead of growing it; the signal that
 * would end the process for it is ignored. The limit holds for every file the process writes, which solutions do not.
 */
void capOutput(std::size_t cap) {
    outputCap = cap;
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = static_cast<rlim_t>(cap) + 1;
    setrlimit(RLIMIT_FSIZE, &rl);
}

/** What the case printed, up to the cap, and whether there was more; the capture file is emptied. */
std::pair<std::string, bool> takeOutput() {
    flushSolutionOutput();
    if (captureFd < 0) return {"", false};
    // Everything is written at the file's offset, which an emptied file puts back at 0: the offset is the size.
    off_t end = lseek(captureFd, 0, SEEK_CUR);
    // Most cases print nothing: no truncation then (on a disk file system it costs more than the rest of a case).
    if (end <= 0) return {"", false};
    std::size_t size = static_cast<std::size_t>(end);
    // A write refused at the cap leaves the stream in error, which would drop what the next case prints.
    std::cout.clear();
    std::cerr.clear();
    std::clog.clear();
    std::clearerr(stdout);
    std::clearerr(stderr);
    std::size_t keep = std::min(size, outputCap);
    std::string out(keep, '\0');
    std::size_t got = 0;
    while (got < keep) {
        ssize_t n = pread(captureFd, &out[got], keep - got, static_cast<off_t>(got));
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    out.resize(got);
    // A cut in the middle of a UTF-8 sequence would not decode: drop the partial character.
    if (size > keep) {
        std::size_t cut = out.size();
        while (cut > 0 && (static_cast<unsigned char>(out[cut - 1]) & 0xC0) == 0x80) cut--;
        if (cut > 0 && static_cast<unsigned char>(out[cut - 1]) >= 0xC0) out.resize(cut - 1);
    }
    if (ftruncate(captureFd, 0) != 0) {
        // Nothing better to do: the next case's output starts after this one's.
    }
    lseek(captureFd, 0, SEEK_SET);
    return {out, size > keep};
}

/** Hands what the case printed to the parent as raw output, which it gives to the running case. Signal-safe. */
void forwardCapturedOutput() {
    if (captureFd < 0) return;
    char buf[8192];
    off_t at = 0;
    std::size_t left = outputCap;
    while (left > 0) {
        ssize_t n = pread(captureFd, buf, std::min(sizeof buf, left), at);
        if (n <= 0) break;
        writeAll(protocolFd, buf, static_cast<std::size_t>(n));
        at += n;
        left -= static_cast<std::size_t>(n);
    }
}

void onCrash(int sig, siginfo_t* info, void*) {
    if (inCase) {
        forwardCapturedOutput();
        char* addr = static_cast<char*>(info->si_addr);
        // A fault anywhere in the stack's range: it could not grow (its limit, or the address-space limit first).
        bool overflow = (sig == SIGSEGV || sig == SIGBUS) && stackLow && addr >= stackLow - 1024 * 1024 && addr < stackTop;
        trace::sendCrash(protocolFd, marker.data(), marker.size(), sig, overflow);
    }
    // The parent reports the case with the signal from the exit status, and where from the crash message.
    signal(sig, SIG_DFL);
    raise(sig);
}

void onExit() {
    // The solution called exit(): what it printed goes to the parent with the case.
    if (inCase) {
        flushSolutionOutput();
        forwardCapturedOutput();
    }
}

void installCrashHandlers() {
    trace::install();
    stack_t ss{};
    ss.ss_sp = altStack;
    ss.ss_size = sizeof altStack;
    sigaltstack(&ss, nullptr);
    struct sigaction sa{};
    sa.sa_sigaction = onCrash;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
    std::atexit(onExit);
}

/**
 * Raises the stack limit to `bytes`. The main thread's stack grows on demand up to the limit in force when it grows
 * (Linux checks it at each fault), and the kernel left room for that below the stack when it laid out the process:
 * the gap to the first mapping is the exec-time limit plus the stack's randomisation range (gigabytes on x86-64), and
 * at least 128 MB. So no second exec is needed, which would double the start-up.
 */
void raiseStack(rlim_t bytes) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0) return;
    if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= bytes) return;
    rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? bytes : std::min(bytes, rl.rlim_max);
    setrlimit(RLIMIT_STACK, &rl);
}

void noteStackLow() {
    struct rlimit rl;
    char here;
    stackTop = &here;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) stackLow = &here - rl.rlim_cur;
}

/** Caps the address space at what the process uses now plus the problem's limit (soft and hard). */
void limitMemory(long long memoryMb) {
    if (memoryMb <= 0) return;
    // Read without stdio, whose buffer would be one more allocation at every start.
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    char text[64];
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    unsigned long pages = std::strtoul(text, nullptr, 10);
    rlim_t limit = static_cast<rlim_t>(pages) * static_cast<rlim_t>(sysconf(_SC_PAGESIZE)) + static_cast<rlim_t>(memoryMb) * 1024 * 1024;
    struct rlimit rl;
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_max != RLIM_INFINITY) limit = std::min(limit, rl.rlim_max);
    rl.rlim_cur = rl.rlim_max = limit;
    setrlimit(RLIMIT_AS, &rl);
}

double cpuMs() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/** When the running case's time started; a function problem's restarts once its arguments are made. */
double caseStarted = 0;
/** The clock's last reading: a function problem's case starts there until its arguments are made (one reading fewer). */
double lastCpuMs = 0;
/** Whether the next argumentsReady() restarts the case's time (a function problem's one call, not each op's). */
bool restartAtCall = false;

// ---------------------------------------------------------------------------------------------------------
// Errors the solution raises.

std::string demangle(const char* name) {
    int status = 0;
    char* readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string out = status == 0 && readable ? readable : name;
    std::free(readable);
    return out;
}

bool notImplementedText(const std::string& s) {
    std::string lower;
    for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("not implemented") != std::string::npos;
}

/**
 * A class and every class it publicly derives from, nearest first, read from the RTTI the compiler emits (the
 * Itanium ABI's class type infos): a solution's own `struct EmptyToken : InvalidInput` is an `InvalidInput` too.
 */
void addClassHierarchy(const std::type_info* type, std::vector<std::string>& out) {
    std::vector<const std::type_info*> queue{type};
    for (size_t i = 0; i < queue.size(); i++) {
        const std::type_info* t = queue[i];
        std::string name = demangle(t->name());
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        if (auto si = dynamic_cast<const abi::__si_class_type_info*>(t)) {
            queue.push_back(si->__base_type);
        } else if (auto vmi = dynamic_cast<const abi::__vmi_class_type_info*>(t)) {
            for (unsigned k = 0; k < vmi->__base_count; k++) {
                const auto& base = vmi->__base_info[k];
                if (base.__offset_flags & abi::__base_class_type_info::__public_mask) queue.push_back(base.__base_type);
            }
        }
    }
}

/** The exception's class and the classes it derives from (its own and the standard ones), nearest first. */
std::vector<std::string> exceptionClasses(const std::exception& e) {
    std::vector<std::string> out;
    addClassHierarchy(&typeid(e), out);
    auto add = [&](bool is, const char* name) {
        if (is && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    add(dynamic_cast<const std::invalid_argument*>(&e), "std::invalid_argument");
    add(dynamic_cast<const std::domain_error*>(&e), "std::domain_error");
    add(dynamic_cast<const std::length_error*>(&e), "std::length_error");
    add(dynamic_cast<const std::out_of_range*>(&e), "std::out_of_range");
    add(dynamic_cast<const std::future_error*>(&e), "std::future_error");
    add(dynamic_cast<const std::logic_error*>(&e), "std::logic_error");
    add(dynamic_cast<const std::range_error*>(&e), "std::range_error");
    add(dynamic_cast<const std::overflow_error*>(&e), "std::overflow_error");
    add(dynamic_cast<const std::underflow_error*>(&e), "std::underflow_error");
    add(dynamic_cast<const std::system_error*>(&e), "std::system_error");
    add(dynamic_cast<const std::runtime_error*>(&e), "std::runtime_error");
    add(dynamic_cast<const std::bad_optional_access*>(&e), "std::bad_optional_access");
    add(dynamic_cast<const std::bad_variant_access*>(&e), "std::bad_variant_access");
    add(dynamic_cast<const std::bad_function_call*>(&e), "std::bad_function_call");
    add(dynamic_cast<const std::bad_cast*>(&e), "std::bad_cast");
    add(true, "std::exception");
    return out;
}

Json errorJson(const char* kind, const std::string& text) {
    Json e = Json::object();
    e.fields.emplace_back("kind", Json::string(kind));
    e.fields.emplace_back("message", Json::string(text));
    return e;
}

Json describeException(const std::exception& ex) {
    std::vector<std::string> classes = exceptionClasses(ex);
    std::string what = ex.what();
    Json e = errorJson("error", classes[0] + ": " + what);
    trace::attachThrown(e, &ex);
    Json list = Json::array();
    for (const auto& c : classes) list.items.push_back(Json::string(c));
    e.fields.emplace_back("classes", list);
    if (notImplementedText(what)) e.fields.emplace_back("notImplemented", Json::fromBool(true));
    return e;
}

Json describeUnknown() {
    std::type_info* t = abi::__cxa_current_exception_type();
    std::string name = t ? demangle(t->name()) : "an unknown type";
    std::string text = "threw a value of type " + name;
    try {
        throw;
    } catch (const char* s) {
        text += ": " + std::string(s ? s : "");
    } catch (const std::string& s) {
        text += ": " + s;
    } catch (...) {
    }
    Json e = errorJson("error", text);
    trace::attachThrown(e, nullptr);
    Json list = Json::array();
    std::vector<std::string> classes;
    if (t) addClassHierarchy(t, classes);
    else classes.push_back(name);
    for (const auto& c : classes) list.items.push_back(Json::string(c));
    e.fields.emplace_back("classes", list);
    if (notImplementedText(text)) e.fields.emplace_back("notImplemented", Json::fromBool(true));
    return e;
}

/** An error in one op of a class case, already described. */
struct OpError {
    Json error;
};

/** The case ran out of memory: reported, then the process ends (the rest run in a fresh one). */
struct OutOfMemory {};

void prefixMessage(Json& error, const std::string& prefix) {
    for (auto& [k, v] : error.fields)
        if (k == "message") v.text = prefix + v.text;
}

// ---------------------------------------------------------------------------------------------------------
// Cases.

struct Method {
    std::string name;
    std::vector<std::string> params;
    std::string returns;
};

struct Spec {
    bool isClass = false;
    std::string name;
    std::vector<std::string> params;
    std::string returns;
    std::vector<std::string> ctorParams;
    std::map<std::string, Method> methods;
};

std::vector<std::string> stringList(const Json* j) {
    std::vector<std::string> out;
    if (j)
        for (const auto& item : j->items) out.push_back(item.text);
    return out;
}

std::string noSpaces(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
}

Spec readSpec(const Json& j) {
    Spec s;
    const Json* kind = field(j, "kind");
    s.isClass = kind && kind->text == "class";
    if (const Json* n = field(j, "name")) s.name = n->text;
    for (const auto& p : stringList(field(j, "params"))) s.params.push_back(noSpaces(p));
    if (const Json* r = field(j, "returns")) s.returns = noSpaces(r->text);
    for (const auto& p : stringList(field(j, "ctorParams"))) s.ctorParams.push_back(noSpaces(p));
    if (const Json* ms = field(j, "methods")) {
        for (const auto& [op, m] : ms->fields) {
            Method method;
            if (const Json* n = field(m, "name")) method.name = n->text;
            for (const auto& p : stringList(field(m, "params"))) method.params.push_back(noSpaces(p));
            if (const Json* r = field(m, "returns")) method.returns = noSpaces(r->text);
            s.methods[op] = method;
        }
    }
    return s;
}

/** The parent's exact comparison (jsonEqual in compare.ts): numbers by value, never a bool for a number. */
bool jsonEqual(const Json& a, const Json& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Json::Null: return true;
        case Json::Bool: return a.boolean == b.boolean;
        case Json::String: return a.text == b.text;
        case Json::Number:
            if (a.text == b.text) return true;
            if (isIntegerText(a.text) && isIntegerText(b.text)) return false;
            return std::strtod(a.text.c_str(), nullptr) == std::strtod(b.text.c_str(), nullptr);
        case Json::Array:
            if (a.items.size() != b.items.size()) return false;
            for (std::size_t i = 0; i < a.items.size(); i++)
                if (!jsonEqual(a.items[i], b.items[i])) return false;
            return true;
        default:
            if (a.fields.size() != b.fields.size()) return false;
            for (const auto& [k, v] : a.fields) {
                bool found = false;
                for (const auto& [k2, v2] : b.fields)
                    if (k == k2) {
                        if (!jsonEqual(v, v2)) return false;
                        found = true;
                        break;
                    }
                if (!found) return false;
            }
            return true;
    }
}

/** A repeat template for iteration i: {"$i": [a, b]} is a*i + b, {"$i": [a, b, m]} is (a*i + b) mod m in 0..m-1. */
Json expand(const Json& t, long long i) {
    if (t.kind == Json::Array) {
        Json out = Json::array();
        out.items.reserve(t.items.size());
        for (const auto& item : t.items) out.items.push_back(expand(item, i));
        return out;
    }
    if (t.kind == Json::Object) {
        const Json* terms = field(t, "$i");
        if (terms && terms->kind == Json::Array && terms->items.size() >= 2) {
            long long a = toInteger(terms->items[0], Where{}), b = toInteger(terms->items[1], Where{});
            long long v = a * i + b;
            if (terms->items.size() > 2) {
                long long m = toInteger(terms->items[2], Where{});
                v = ((v % m) + m) % m;
            }
            return fromSigned(v);
        }
        Json out = Json::object();
        for (const auto& [k, v] : t.fields) out.fields.emplace_back(k, expand(v, i));
        return out;
    }
    return t;
}

bool hasIndex(const Json& t) {
    if (t.kind == Json::Array) {
        for (const auto& item : t.items)
            if (hasIndex(item)) return true;
        return false;
    }
    if (t.kind == Json::Object) {
        const Json* terms = field(t, "$i");
        if (terms && terms->kind == Json::Array) return true;
        for (const auto& [k, v] : t.fields)
            if (hasIndex(v)) return true;
    }
    return false;
}

std::string preview(const Json& j) {
    std::string text = jsonText(j);
    return text.size() <= 200 ? text : text.substr(0, 200) + "\xe2\x80\xa6";
}

struct Runner {
    Spec spec;
    Registry registry;

    /** A method the ops call, found once: the glue's invoker, its declared parameter types, whether it is void. */
    struct Bound {
        const std::function<Json(void*, const Call&)>* invoke = nullptr;
        const std::vector<std::string>* types = nullptr;
        bool isVoid = false;
    };

    Bound bind(const std::string& op) {
        static const std::vector<std::string> none;
        auto m = spec.methods.find(op);
        std::string name = m != spec.methods.end() ? m->second.name : op;
        auto fn = registry.methods.find(name);
        if (fn == registry.methods.end()) throw ConvertError(spec.name + " has no method " + name + " (a public member function of that name, not overloaded)");
        Bound b;
        b.invoke = &fn->second;
        b.types = m != spec.methods.end() ? &m->second.params : &none;
        b.isVoid = m != spec.methods.end() && m->second.returns == "void";
        return b;
    }

    static Json callBound(const Bound& b, void* self, const std::vector<Json>& args) {
        Json result = (*b.invoke)(self, Call{args, *b.types});
        if (b.isVoid) return Json();
        return result;
    }

    Json callMethod(void* self, const std::string& op, const std::vector<Json>& args) { return callBound(bind(op), self, args); }

    /**
     * Runs `body`, turning what the solution throws into a protocol error; `prefix()` names the op (empty for a
     * function problem), built only when something was thrown.
     */
    template <class P, class F>
    auto guarded(P&& prefix, F&& body) -> decltype(body()) {
        auto describe = [&](Json err) {
            std::string p = prefix();
            if (!p.empty()) prefixMessage(err, p + " raised ");
            return OpError{err};
        };
        try {
            return body();
        } catch (const std::bad_alloc&) {
            throw OutOfMemory{};
        } catch (const OpError&) {
            throw;
        } catch (const NotJson& e) {
            std::string p = prefix();
            throw NotJson(std::string(e.what()) + (p.empty() ? "" : " from " + p));
        } catch (const ConvertError& e) {
            throw describe(errorJson("error", std::string("the harness could not pass the arguments: ") + e.what()));
        } catch (const std::exception& e) {
            throw describe(describeException(e));
        } catch (...) {
            throw describe(describeUnknown());
        }
    }

    /** A class case: the outputs of the listed ops, and how the repeat block went (null when it did not run). */
    std::pair<Json, Json> runOps(const Json& c) {
        static const Json empty = Json::array();
        const Json* opsJ = field(c, "ops");
        const Json* argsJ = field(c, "opArgs");
        const Json& ops = opsJ ? *opsJ : empty;
        const Json& opArgs = argsJ ? *argsJ : empty;
        Json outputs = Json::array();
        outputs.items.reserve(ops.items.size());
        void* self = nullptr;
        struct Owner {
            Registry& r;
            void*& self;
            ~Owner() {
                if (self && r.destroy) r.destroy(self);
            }
        } owner{registry, self};
        for (std::size_t k = 0; k < ops.items.size(); k++) {
            const std::string& op = ops.items[k].text;
            const std::vector<Json>& raw = k < opArgs.items.size() ? opArgs.items[k].items : empty.items;
            auto prefix = [&] { return "op #" + std::to_string(k) + " (" + op + ")"; };
            if (k == 0) {
                self = guarded(prefix, [&] { return registry.construct(Call{raw, spec.ctorParams}); });
                outputs.items.emplace_back();
                continue;
            }
            outputs.items.push_back(guarded(prefix, [&] { return callMethod(self, op, raw); }));
        }
        const Json* block = field(c, "repeat");
        const Json* expectedJ = field(c, "expected");
        if (!block || block->kind != Json::Object) return {std::move(outputs), Json()};
        for (std::size_t k = 1; k < outputs.items.size(); k++)
            if (!expectedJ || k >= expectedJ->items.size() || !jsonEqual(outputs.items[k], expectedJ->items[k])) return {std::move(outputs), Json()};
        Json repeat = runRepeat(*block, self, ops.items.size());
        return {std::move(outputs), std::move(repeat)};
    }

    Json runRepeat(const Json& block, void* self, std::size_t listed) {
        long long times = toInteger(*field(block, "times"), Where{});
        const Json& ops = *field(block, "ops");
        const Json& args = *field(block, "args");
        const Json& expected = *field(block, "expected");
        std::size_t length = ops.items.size();
        std::vector<bool> argsVary(length), expectedVaries(length);
        std::vector<Bound> bound(length);
        for (std::size_t j = 0; j < length; j++) {
            argsVary[j] = hasIndex(args.items[j]);
            expectedVaries[j] = hasIndex(expected.items[j]);
        }
        Json outcome = Json::object();
        for (long long i = 0; i < times; i++) {
            for (std::size_t j = 0; j < length; j++) {
                const std::string& op = ops.items[j].text;
                long long opIndex = static_cast<long long>(listed) + i * static_cast<long long>(length) + static_cast<long long>(j);
                Json callArgs = argsVary[j] ? expand(args.items[j], i) : args.items[j];
                auto prefix = [&] { return "op #" + std::to_string(opIndex) + " (" + op + ", repeat i = " + std::to_string(i) + ", args " + preview(callArgs) + ")"; };
                Json actual = guarded(prefix, [&] {
                    if (!bound[j].invoke) bound[j] = bind(op);
                    return callBound(bound[j], self, callArgs.items);
                });
                Json want = expectedVaries[j] ? expand(expected.items[j], i) : expected.items[j];
                if (jsonEqual(actual, want)) continue;
                outcome.fields.emplace_back("ok", Json::fromBool(false));
                outcome.fields.emplace_back("times", fromSigned(times));
                outcome.fields.emplace_back("op", fromSigned(opIndex));
                outcome.fields.emplace_back("i", fromSigned(i));
                outcome.fields.emplace_back("name", Json::string(op));
                outcome.fields.emplace_back("args", callArgs);
                outcome.fields.emplace_back("expected", want);
                outcome.fields.emplace_back("actual", actual);
                return outcome;
            }
        }
        outcome.fields.emplace_back("ok", Json::fromBool(true));
        outcome.fields.emplace_back("times", fromSigned(times));
        return outcome;
    }

    Json runFunction(const Json& c) {
        static const Json empty = Json::array();
        const Json* argsJ = field(c, "args");
        const Json& args = argsJ ? *argsJ : empty;
        Json value = guarded([] { return std::string(); }, [&] { return registry.function(Call{args.items, spec.params}); });
        if (spec.returns == "void") return Json();
        return value;  // moved, not copied (a conditional expression would copy a large result)
    }
};

/** Where each case's JSON starts and ends in the job text: cases are parsed one at a time, when they run. */
std::vector<std::pair<std::size_t, std::size_t>> caseSpans(const std::string& text, Json& jobWithoutCases) {
    Parser p{text.data(), text.data() + text.size()};
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    jobWithoutCases = Json::object();
    p.ws();
    if (p.p >= p.end || *p.p != '{') p.fail("the job is not an object");
    p.p++;
    for (;;) {
        p.ws();
        if (p.p < p.end && *p.p == '}') break;
        std::string key = p.str();
        p.ws();
        if (p.p >= p.end || *p.p != ':') p.fail("expected ':'");
        p.p++;
        p.ws();
        if (key == "cases") {
            if (p.p >= p.end || *p.p != '[') p.fail("cases is not an array");
            p.p++;
            p.ws();
            while (p.p < p.end && *p.p != ']') {
                p.ws();
                std::size_t start = static_cast<std::size_t>(p.p - text.data());
                p.value();  // parsed only to find its end; the parse is dropped at once
                spans.emplace_back(start, static_cast<std::size_t>(p.p - text.data()));
                p.ws();
                if (p.p < p.end && *p.p == ',') p.p++;
            }
            p.p++;
        } else {
            jobWithoutCases.fields.emplace_back(key, p.value());
        }
        p.ws();
        if (p.p < p.end && *p.p == ',') p.p++;
    }
    return spans;
}

/** The case itself, or the shared input it refers to (HarnessCase.input). */
const Json& sharedInput(const Json& c, const Json& job) {
    const Json* slot = field(c, "input");
    if (!slot) return c;
    long long k = toInteger(*slot, Where{});
    const Json* inputs = field(job, "inputs");
    if (!inputs || k < 0 || static_cast<std::size_t>(k) >= inputs->items.size()) throw std::runtime_error("a case refers to an input the job does not have");
    return inputs->items[static_cast<std::size_t>(k)];
}

}  // namespace

void argumentsReady() {
    if (!restartAtCall) return;
    restartAtCall = false;
    caseStarted = cpuMs();
}

int run(int argc, char** argv) {
    long long stackMb = argc > 1 ? std::atoll(argv[1]) : 256;
    (void)argv;
    raiseStack(static_cast<rlim_t>(std::max(stackMb, 64LL)) * 1024 * 1024);
    noteStackLow();
    // What needs no job is done before waiting for it, so that a process started ahead of its run has done it: the
    // file that takes the solution's output, and the crash handlers (whose first stack walk reads the unwind tables).
    protocolFd = dup(1);
    int capture = newCaptureFile();
    installCrashHandlers();
    // Up and waiting for the job (a process started ahead of its run waits here): the runner's READY_LINE.
    static const char ready[] = "\x01" "drills:ready\n";
    if (write(2, ready, sizeof ready - 1) < 0) {
        // No stderr: the runner reads the job's messages all the same.
    }

    // The job in large reads (std::cin, tied to stdio, would read it a character at a time).
    std::string text;
    {
        char buffer[1 << 16];
        for (;;) {
            ssize_t n = read(0, buffer, sizeof buffer);
            if (n > 0) text.append(buffer, static_cast<std::size_t>(n));
            else if (n == 0 || errno != EINTR) break;
        }
    }
    Json job;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    try {
        spans = caseSpans(text, job);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "drills: %s\n", e.what());
        return 2;
    }
    const Json* nonce = field(job, "nonce");
    marker = std::string("\x01" "drills:") + (nonce ? nonce->text : "") + ":";
    if (const Json* cap = field(job, "outputCapBytes")) outputCap = static_cast<std::size_t>(toInteger(*cap, Where{}));
    capOutput(outputCap);
    long long memoryMb = 0;
    if (const Json* m = field(job, "memoryMb")) memoryMb = toInteger(*m, Where{});

    Runner runner;
    runner.spec = readSpec(*field(job, "spec"));
    drills_register(runner.registry);

    // The solution's stdout and stderr go to a file read back after each case; messages keep the real stdout.
    if (capture >= 0) {
        captureFd = capture;
        dup2(captureFd, 1);
        dup2(captureFd, 2);
        // Line by line, so that what a case printed before it crashed is in the file for the crash handler.
        std::setvbuf(stdout, nullptr, _IOLBF, BUFSIZ);
    }
    limitMemory(memoryMb);
    lastCpuMs = cpuMs();
    send(message("loaded"));

    for (const auto& [start, end] : spans) {
        Json c;
        long long index;
        try {
            c = parseJson(text.data() + start, text.data() + end);
            index = toInteger(*field(c, "index"), Where{});
        } catch (...) {
            // The previous case's result is reported before the harness dies of a job it cannot read.
            flushMessages();
            throw;
        }
        // Nothing is in the capture file here: every case empties it when it ends (takeOutput below), and the harness
        // itself prints nothing there. Output a thread of the solution prints between two cases goes to the next one.
        Json startMsg = message("start");
        startMsg.fields.emplace_back("index", fromSigned(index));
        send(startMsg);
        flushMessages();
        // A shared input (the job's "inputs") is read in place: arguments are converted from it, never changed.
        const Json& source = sharedInput(c, job);
        Json value, repeat, error;
        bool failed = false, fatal = false;
        caseStarted = runner.spec.isClass ? cpuMs() : lastCpuMs;
        restartAtCall = !runner.spec.isClass;
        inCase = 1;
        try {
            if (runner.spec.isClass) std::tie(value, repeat) = runner.runOps(source);
            else value = runner.runFunction(source);
        } catch (const OpError& e) {
            error = e.error;
            failed = true;
        } catch (const NotJson& e) {
            error = errorJson("not-json", std::string("returned a value that is not JSON (") + e.what() + ")");
            failed = true;
        } catch (const OutOfMemory&) {
            error = errorJson("memory", "ran out of memory (std::bad_alloc)");
            failed = true;
            fatal = true;
        } catch (const std::bad_alloc&) {
            error = errorJson("memory", "ran out of memory (std::bad_alloc)");
            failed = true;
            fatal = true;
        }
        inCase = 0;
        restartAtCall = false;
        lastCpuMs = cpuMs();
        double ms = lastCpuMs - caseStarted;
        releaseArena();
        auto [output, truncated] = takeOutput();
        Json result = message("result");
        result.fields.emplace_back("index", fromSigned(index));
        result.fields.emplace_back("ms", millisecondsJson(ms));
        result.fields.emplace_back("output", Json::string(output));
        result.fields.emplace_back("truncated", Json::fromBool(truncated));
        if (failed) result.fields.emplace_back("error", error);
        else {
            result.fields.emplace_back("value", value);
            if (repeat.kind != Json::Null) result.fields.emplace_back("repeat", repeat);
        }
        send(result);
        // Memory may be held by the solution: the rest run in a fresh process.
        if (fatal) {
            flushMessages();
            _exit(0);
        }
    }
    send(message("done"));
    flushMessages();
    _exit(0);
}

}  // namespace drills

int main(int argc, char** argv) { return drills::run(argc, argv); }
