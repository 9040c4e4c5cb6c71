/* SPDX-License-Identifier: MIT */
#include "../structs/structs.h"
