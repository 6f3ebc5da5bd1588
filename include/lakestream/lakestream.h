// Umbrella header of Lakestream's public C++ API.
#pragma once

#include "lakestream/column.h"
#include "lakestream/dataframe.h"
#include "lakestream/error.h"
#include "lakestream/functions.h"
#include "lakestream/session.h"
#include "lakestream/types.h"
#include "lakestream/value.h"
#include "lakestream/window.h"

namespace lakestream {
inline constexpr const char* kVersion = "0.1.0";
}
