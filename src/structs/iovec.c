/* SPDX-License-Identifier: MIT */
#include "structs.h"
