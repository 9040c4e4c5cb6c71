/* SPDX-License-Identifier: MIT */
#include "argtypes.h"
