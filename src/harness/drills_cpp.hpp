// The C++ harness's header: what a LeetCode C++ solution finds in scope (the standard library with
// `using namespace std;`, TreeNode, ListNode) and the templates that convert JSON arguments to the
// solution's own parameter types, deduced from its member-function pointers. It is precompiled once per
// toolchain; the generated glue includes it first, then the solution file by its real path, so the
// compiler's diagnostics point at the user's file. The protocol, the JSON parser and the case loop live in
// drills_cpp_main.cpp, compiled once to an object file.
#ifndef DRILLS_CPP_HPP
#define DRILLS_CPP_HPP

// Every standard header, as LeetCode's C++ has them; drills_cpp_common.hpp includes the ones most solutions use
// first and then this header without them (see cppBuild.ts).
#ifndef DRILLS_COMMON_HEADERS
#include <bits/stdc++.h>
#endif

using namespace std;

// Nodes built by the harness live in an arena released in one step after each case (never by recursion,
// so a 100 000-deep tree costs nothing to free); `delete` on such a node is ignored. Nodes the solution
// allocates itself are ordinary heap objects.
namespace drills {
void* arenaAllocate(std::size_t size);
bool inArena(const void* p);
}  // namespace drills

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
    static void operator delete(void* p) { if (!drills::inArena(p)) ::operator delete(p); }
};

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
    static void operator delete(void* p) { if (!drills::inArena(p)) ::operator delete(p); }
};

namespace drills {

/** A parsed JSON value. Numbers keep their exact text, so 64-bit integers survive. */
struct Json {
    enum Kind : unsigned char { Null, Bool, Number, String, Array, Object };
    Kind kind = Null;
    bool boolean = false;
    /** A number's digits or a string's UTF-8 bytes. */
    std::string text;
    std::vector<Json> items;
    std::vector<std::pair<std::string, Json>> fields;

    static Json number(std::string digits) { Json j; j.kind = Number; j.text = std::move(digits); return j; }
    static Json string(std::string s) { Json j; j.kind = String; j.text = std::move(s); return j; }
    static Json array() { Json j; j.kind = Array; return j; }
    static Json object() { Json j; j.kind = Object; return j; }
    static Json fromBool(bool b) { Json j; j.kind = Bool; j.boolean = b; return j; }
};

/** A JSON argument the solution's parameter type cannot hold. */
struct ConvertError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/** A value JSON cannot hold (NaN, a cyclic list…) in what the solution returned. */
struct NotJson : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/**
 * Where a value sits in the arguments (`argument 2[3]["k"]`), for error messages: a chain of small objects on the
 * stack, turned into text only when a conversion fails.
 */
struct Where {
    const Where* parent = nullptr;
    /** The root's 0-based argument number; -1 for a returned value. */
    long long argument = -1;
    std::size_t index = static_cast<std::size_t>(-1);
    const std::string* key = nullptr;

    static Where of(std::size_t argumentIndex) { Where w; w.argument = static_cast<long long>(argumentIndex); return w; }
    Where at(std::size_t i) const { Where w; w.parent = this; w.index = i; return w; }
    Where field(const std::string& k) const { Where w; w.parent = this; w.key = &k; return w; }
    std::string str() const;
    bool empty() const { return str().empty(); }
};
inline std::string operator+(const Where& w, const char* s) { return w.str() + s; }
inline std::string operator+(const std::string& s, const Where& w) { return s + w.str(); }
inline std::string operator+(const char* s, const Where& w) { return s + w.str(); }

const char* kindName(const Json& j);
long long toInteger(const Json& j, const Where& where);
unsigned long long toUnsigned(const Json& j, const Where& where);
double toDouble(const Json& j, const Where& where);
Json fromDouble(double d, const Where& where);
Json fromSigned(long long v);
Json fromUnsigned(unsigned long long v);
TreeNode* buildTree(const Json& j, const Where& where);
ListNode* buildList(const Json& j, const Where& where);
Json treeToJson(const TreeNode* root, const Where& where);
Json listToJson(const ListNode* head, const Where& where);
std::string elementType(const std::string& declared);
std::string mapValueType(const std::string& declared);

template <class T> struct always_false : std::false_type {};

/** JSON → the solution's type T; `declared` is the type problem.yaml gives (`int[]`, `any`…). */
template <class T, class Enable = void>
struct From {
    static_assert(always_false<T>::value,
                  "drills: a parameter of this C++ type cannot be built from JSON (use int, long long, double, bool, "
                  "string, char, vector<T>, unordered_map<string, T>, map<string, T>, TreeNode* or ListNode*)");
    static T convert(const Json&, const std::string&, const Where&);
};

template <class T>
T from(const Json& j, const std::string& declared, const Where& where) {
    return From<T>::convert(j, declared, where);
}

template <>
struct From<bool> {
    static bool convert(const Json& j, const std::string&, const Where& where) {
        if (j.kind != Json::Bool) throw ConvertError(where + ": expected a bool, got " + kindName(j));
        return j.boolean;
    }
};

template <>
struct From<char> {
    static char convert(const Json& j, const std::string&, const Where& where) {
        if (j.kind != Json::String || j.text.size() != 1) throw ConvertError(where + ": expected a one-character string for a char, got " + kindName(j));
        return j.text[0];
    }
};

template <class T>
struct From<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>> {
    static T convert(const Json& j, const std::string&, const Where& where) {
        if constexpr (std::is_signed_v<T>) {
            long long v = toInteger(j, where);
            if (v < static_cast<long long>(std::numeric_limits<T>::min()) || v > static_cast<long long>(std::numeric_limits<T>::max()))
                throw ConvertError(where + ": " + j.text + " does not fit in the parameter's integer type (use long long)");
            return static_cast<T>(v);
        } else {
            unsigned long long v = toUnsigned(j, where);
            if (v > static_cast<unsigned long long>(std::numeric_limits<T>::max()))
                throw ConvertError(where + ": " + j.text + " does not fit in the parameter's integer type");
            return static_cast<T>(v);
        }
    }
};

template <class T>
struct From<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static T convert(const Json& j, const std::string&, const Where& where) { return static_cast<T>(toDouble(j, where)); }
};

template <>
struct From<std::string> {
    static std::string convert(const Json& j, const std::string& declared, const Where& where) {
        if (j.kind == Json::String) return j.text;
        // A value declared `any` (a mixed row such as ["ana", 100]) may be read as text by the solution.
        if (declared == "any" && (j.kind == Json::Number)) return j.text;
        if (declared == "any" && j.kind == Json::Bool) return j.boolean ? "true" : "false";
        // Other languages take null for a string; a std::string has no null, so this case cannot be run in C++.
        if (j.kind == Json::Null) throw ConvertError(where + " is null, which a C++ std::string parameter cannot hold (a std::string cannot be null)");
        throw ConvertError(where + ": expected a string, got " + kindName(j));
    }
};

template <>
struct From<Json> {
    static Json convert(const Json& j, const std::string&, const Where&) { return j; }
};

template <>
struct From<TreeNode*> {
    static TreeNode* convert(const Json& j, const std::string&, const Where& where) { return buildTree(j, where); }
};

template <>
struct From<ListNode*> {
    static ListNode* convert(const Json& j, const std::string&, const Where& where) { return buildList(j, where); }
};

template <class T, class A>
struct From<std::vector<T, A>> {
    static std::vector<T, A> convert(const Json& j, const std::string& declared, const Where& where) {
        if (j.kind != Json::Array) throw ConvertError(where + ": expected an array, got " + kindName(j));
        std::string inner = elementType(declared);
        std::vector<T, A> out;
        out.reserve(j.items.size());
        for (std::size_t i = 0; i < j.items.size(); i++) out.push_back(from<T>(j.items[i], inner, where.at(i)));
        return out;
    }
};

template <class Map>
Map mapFrom(const Json& j, const std::string& declared, const Where& where) {
    if (j.kind != Json::Object) throw ConvertError(where + ": expected an object, got " + kindName(j));
    std::string inner = mapValueType(declared);
    Map out;
    for (const auto& [key, value] : j.fields) out[key] = from<typename Map::mapped_type>(value, inner, where.field(key));
    return out;
}

template <class V, class H, class E, class A>
struct From<std::unordered_map<std::string, V, H, E, A>> {
    static std::unordered_map<std::string, V, H, E, A> convert(const Json& j, const std::string& d, const Where& w) {
        return mapFrom<std::unordered_map<std::string, V, H, E, A>>(j, d, w);
    }
};

template <class V, class C, class A>
struct From<std::map<std::string, V, C, A>> {
    static std::map<std::string, V, C, A> convert(const Json& j, const std::string& d, const Where& w) {
        return mapFrom<std::map<std::string, V, C, A>>(j, d, w);
    }
};

/** The solution's value T → JSON, by its C++ type. */
template <class T, class Enable = void>
struct To {
    static_assert(always_false<T>::value,
                  "drills: a return value of this C++ type cannot be turned into JSON (use int, long long, double, bool, "
                  "string, char, vector<T>, unordered_map<string, T>, map<string, T>, TreeNode* or ListNode*)");
    static Json convert(const T&, const Where&);
};

template <class T>
Json to(const T& value, const Where& where) {
    return To<T>::convert(value, where);
}

template <>
struct To<bool> {
    static Json convert(bool v, const Where&) { return Json::fromBool(v); }
};

template <>
struct To<char> {
    static Json convert(char v, const Where&) { return Json::string(std::string(1, v)); }
};

template <class T>
struct To<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>>> {
    static Json convert(T v, const Where&) {
        if constexpr (std::is_signed_v<T>) return fromSigned(static_cast<long long>(v));
        else return fromUnsigned(static_cast<unsigned long long>(v));
    }
};

template <class T>
struct To<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static Json convert(T v, const Where& where) { return fromDouble(static_cast<double>(v), where); }
};

template <>
struct To<std::string> {
    static Json convert(const std::string& v, const Where&) { return Json::string(v); }
};

template <>
struct To<const char*> {
    static Json convert(const char* v, const Where&) { return v ? Json::string(v) : Json(); }
};

template <>
struct To<Json> {
    static Json convert(const Json& v, const Where&) { return v; }
};

template <>
struct To<TreeNode*> {
    static Json convert(const TreeNode* v, const Where& where) { return treeToJson(v, where); }
};

template <>
struct To<ListNode*> {
    static Json convert(const ListNode* v, const Where& where) { return listToJson(v, where); }
};

template <class Seq>
Json sequenceTo(const Seq& seq, const Where& where) {
    Json out = Json::array();
    std::size_t i = 0;
    for (const auto& item : seq) {
        out.items.push_back(to<std::decay_t<typename Seq::value_type>>(item, where.at(i)));
        i++;
    }
    return out;
}

template <class T, class A>
struct To<std::vector<T, A>> {
    static Json convert(const std::vector<T, A>& v, const Where& where) { return sequenceTo(v, where); }
};

template <class T, class A>
struct To<std::deque<T, A>> {
    static Json convert(const std::deque<T, A>& v, const Where& where) { return sequenceTo(v, where); }
};

template <class T, std::size_t N>
struct To<std::array<T, N>> {
    static Json convert(const std::array<T, N>& v, const Where& where) { return sequenceTo(v, where); }
};

template <class Key>
std::string keyText(const Key& key) {
    if constexpr (std::is_same_v<Key, std::string>) return key;
    else if constexpr (std::is_same_v<Key, char>) return std::string(1, key);
    else if constexpr (std::is_integral_v<Key>) return std::to_string(key);
    else static_assert(always_false<Key>::value, "drills: a returned map needs string or integer keys");
}

template <class Map>
Json mapTo(const Map& m, const Where& where) {
    Json out = Json::object();
    // An unordered map has no order of its own; sorting makes the output stable.
    std::vector<std::pair<std::string, const typename Map::mapped_type*>> entries;
    for (const auto& [key, value] : m) entries.emplace_back(keyText(key), &value);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, value] : entries) out.fields.emplace_back(key, to<typename Map::mapped_type>(*value, where.field(key)));
    return out;
}

template <class K, class V, class H, class E, class A>
struct To<std::unordered_map<K, V, H, E, A>> {
    static Json convert(const std::unordered_map<K, V, H, E, A>& m, const Where& where) { return mapTo(m, where); }
};

template <class K, class V, class C, class A>
struct To<std::map<K, V, C, A>> {
    static Json convert(const std::map<K, V, C, A>& m, const Where& where) { return mapTo(m, where); }
};

/** One call's arguments with their declared types (problem.yaml) and the declared return type. */
struct Call {
    const std::vector<Json>& args;
    const std::vector<std::string>& types;
};

const std::string& anyType();
[[noreturn]] void arityMismatch(std::size_t declared, std::size_t given);
/** The arguments are made: a function problem's case is timed from here (the harness's conversion is not timed). */
void argumentsReady();

template <class R, class F, class Tuple, std::size_t... I>
Json applyAndConvert(F&& f, Tuple& values, std::index_sequence<I...>) {
    if constexpr (std::is_void_v<R>) {
        f(std::get<I>(values)...);
        return Json();
    } else {
        return to<std::decay_t<R>>(f(std::get<I>(values)...), Where{});
    }
}

template <class R, class... A, class F, std::size_t... I>
Json invokeIndexed(F&& f, const Call& call, std::index_sequence<I...>) {
    // Braced initialisation converts the arguments left to right; the solution gets lvalues, so `vector<int>&`
    // parameters bind as on LeetCode. A missing trailing argument is its type's empty value (0, "", {}, nullptr), as
    // a missing JavaScript argument is undefined and a Go one its zero value.
    std::tuple<std::decay_t<A>...> values{(I < call.args.size() ? from<std::decay_t<A>>(call.args[I], I < call.types.size() ? call.types[I] : anyType(), Where::of(I)) : std::decay_t<A>{})...};
    argumentsReady();
    return applyAndConvert<R>(std::forward<F>(f), values, std::index_sequence_for<A...>{});
}

template <class R, class... A, class F>
Json invokeWith(F&& f, const Call& call) {
    if (call.args.size() > sizeof...(A)) arityMismatch(sizeof...(A), call.args.size());
    return invokeIndexed<R, A...>(std::forward<F>(f), call, std::index_sequence_for<A...>{});
}

/** Calls a member function of `self` with the JSON arguments converted to its parameter types. */
template <class C, class R, class... A>
Json invoke(C& self, R (C::*method)(A...), const Call& call) {
    return invokeWith<R, A...>([&](auto&... a) -> decltype(auto) { return (self.*method)(a...); }, call);
}

template <class C, class R, class... A>
Json invoke(C& self, R (C::*method)(A...) const, const Call& call) {
    return invokeWith<R, A...>([&](auto&... a) -> decltype(auto) { return (self.*method)(a...); }, call);
}

/** A static member function. */
template <class C, class R, class... A>
Json invoke(C&, R (*fn)(A...), const Call& call) {
    return invokeWith<R, A...>([&](auto&... a) -> decltype(auto) { return fn(a...); }, call);
}

inline void requireArity(const Call& call, std::size_t n) {
    if (call.args.size() != n) arityMismatch(n, call.args.size());
}

/** Whether From<T> converts JSON to T (so that a constructor's copy constructor is never a candidate). */
template <class T, class = void> struct Convertible : std::false_type {};
template <class T> struct Convertible<T, std::enable_if_t<std::is_arithmetic_v<T>>> : std::true_type {};
template <> struct Convertible<std::string> : std::true_type {};
template <> struct Convertible<Json> : std::true_type {};
template <> struct Convertible<TreeNode*> : std::true_type {};
template <> struct Convertible<ListNode*> : std::true_type {};
template <class T, class A> struct Convertible<std::vector<T, A>> : Convertible<T> {};
template <class V, class H, class E, class A> struct Convertible<std::unordered_map<std::string, V, H, E, A>> : Convertible<V> {};
template <class V, class C, class A> struct Convertible<std::map<std::string, V, C, A>> : Convertible<V> {};

/** An argument converted to whatever type the constructor's parameter has. */
struct Arg {
    const Call& call;
    std::size_t index;
    template <class T, class = std::enable_if_t<!std::is_reference_v<T> && Convertible<T>::value>>
    operator T() const {
        return from<T>(call.args[index], index < call.types.size() ? call.types[index] : anyType(), Where::of(index));
    }
};

/** What the glue registers: the function to test, or the class with its constructor and methods. */
struct Registry {
    std::function<Json(const Call&)> function;
    std::function<void*(const Call&)> construct;
    std::function<void(void*)> destroy;
    std::map<std::string, std::function<Json(void*, const Call&)>> methods;
    /** The constructor's arity as the solution wrote it was checked at compile time; this is what the glue used. */
    std::size_t ctorArity = 0;
};

}  // namespace drills

/** Defined by the generated glue. */
void drills_register(drills::Registry& registry);

#endif
