// The scanner is header-only (static inline, so Swift can inline it); SwiftPM wants one source file.
#include "CByteScan.h"
