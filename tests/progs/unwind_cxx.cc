/* SPDX-License-Identifier: MIT */
/* -k on C++: frames keep their whole demangled names, namespaces, template
 * arguments and parameter types included, far past 40 characters (strace
 * once cut them there). Built by a rule of tests/unwind.inc with $(CXX). */
#include "expect.h"

namespace tattle_unwind_test {
namespace deeply_nested {

template <typename T> struct Widget {
	T value;
	__attribute__((noinline)) long frobnicate_the_widget(T delta, const char *why);
};

template <typename T> long Widget<T>::frobnicate_the_widget(T delta, const char *why)
{
	long r = write(-1, why, 4);
	__asm__ volatile("" ::: "memory");
	return r + (long)value + (long)delta;
}

__attribute__((noinline)) long call_through_a_free_function_with_a_long_name(Widget<int> &w, unsigned long n)
{
	long r = w.frobnicate_the_widget((int)n, "cxx\n");
	__asm__ volatile("" ::: "memory");
	return r + 1;
}

} // namespace deeply_nested
} // namespace tattle_unwind_test

int main()
{
	tattle_unwind_test::deeply_nested::Widget<int> w = { 1 };
	long r = tattle_unwind_test::deeply_nested::call_through_a_free_function_with_a_long_name(w, 2);
	EXPECT_RET("-1 EBADF (Bad file descriptor)", "write(-1, \"cxx\\n\", 4)");
	EXPECT(" > @@/libc.so.6(@@write+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_cxx(tattle_unwind_test::deeply_nested::Widget<int>::frobnicate_the_widget(int, char const*)+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_cxx(tattle_unwind_test::deeply_nested::call_through_a_free_function_with_a_long_name(tattle_unwind_test::deeply_nested::Widget<int>&, unsigned long)+0x@@) [0x@@]");
	EXPECT(" > @@/unwind_cxx(main+0x@@) [0x@@]");
	return expect_done() || r != 3;
}
