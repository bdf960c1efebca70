#include "kj-number.h"

#include <math.h>

static void
test_parse(void)
{
  double value = -1;

  g_assert_true(kj_number_parse("0.5", &value));
  g_assert_cmpfloat(value, ==, 0.5);
  g_assert_true(kj_number_parse("1e-1", &value));
  g_assert_cmpfloat_with_epsilon(value, 0.1, 1e-15);
  g_assert_false(kj_number_parse("", &value));
  g_assert_false(kj_number_parse(" 0.5", &value));
  g_assert_false(kj_number_parse("0.5x", &value));
  g_assert_false(kj_number_parse("0,5", &value));
  g_assert_false(kj_number_parse("nan", &value));
  g_assert_false(kj_number_parse("inf", &value));
  g_assert_false(kj_number_parse("1e999", &value));
  g_assert_false(kj_number_parse(NULL, &value));
}

static void
test_format(void)
{
  struct {
    double value;
    guint decimals;
    const char *expected;
  } cases[] = {
    { 0.75, 4, "0.75" }, { 0.7525, 4, "0.7525" }, { 1.0, 4, "1" },
    { 0.0, 2, "0" },     { -0.0, 2, "0" },        { 0.375, 2, "0.38" },
    { 12.5, 0, "12" },   { 2.5e-7, 4, "0" },      { 3.14159, 3, "3.142" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
    g_autofree char *text = kj_number_format(cases[i].value, cases[i].decimals);
    g_assert_cmpstr(text, ==, cases[i].expected);
  }
}

int
main(int argc, char *argv[])
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/kj/number/parse", test_parse);
  g_test_add_func("/kj/number/format", test_format);
  return g_test_run();
}
