// The harness's header with the standard headers most solutions use, not all of them: its precompiled form is smaller
// than bits/stdc++.h's and loads faster (bench/cpp.bench.mjs measures the first build). A solution that needs a header outside these (std::regex, std::complex, std::ofstream…) does not
// compile with it, and is built again with drills_cpp.hpp, which includes them all (see cppBuild.ts).
#ifndef DRILLS_CPP_COMMON_HPP
#define DRILLS_CPP_COMMON_HPP

#define DRILLS_COMMON_HEADERS
#include <algorithm>
#include <array>
#include <bitset>
#include <cassert>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "drills_cpp.hpp"

#endif
