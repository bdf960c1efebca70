#include "config.h"

#include "kj-schedule.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kj-error.h"
#include "kj-number.h"

void
kj_schedule_init(KjSchedule *schedule)
{
  *schedule = (KjSchedule){ KJ_SCHEDULE_CONSTANT, 1.0, 1.0, 0.0 };
}

static gboolean
bad_schedule(const char *text, GError **error)
{
  g_set_error(error, KJ_ERROR, KJ_ERROR_PARSE,
              _("Unknown schedule “%s”: use constant, step:EPOCHS:GAMMA or cosine[:WARMUP]"), text);
  return FALSE;
}

gboolean
kj_schedule_parse(const char *text, KjSchedule *schedule, GError **error)
{
  g_auto(GStrv) parts = g_strsplit(text != NULL ? text : "", ":", -1);
  guint n = g_strv_length(parts);
  KjSchedule result;

  kj_schedule_init(&result);
  if (n == 1 && g_str_equal(parts[0], "constant")) {
    result.kind = KJ_SCHEDULE_CONSTANT;
  } else if (n == 3 && g_str_equal(parts[0], "step")) {
    result.kind = KJ_SCHEDULE_STEP;
    if (!kj_number_parse(parts[1], &result.step_epochs) ||
        !kj_number_parse(parts[2], &result.gamma) || result.step_epochs <= 0 || result.gamma <= 0 ||
        result.gamma > 1)
      return bad_schedule(text, error);
  } else if ((n == 1 || n == 2) && g_str_equal(parts[0], "cosine")) {
    result.kind = KJ_SCHEDULE_COSINE;
    if (n == 2 && (!kj_number_parse(parts[1], &result.warmup_epochs) || result.warmup_epochs < 0 ||
                   result.warmup_epochs > 1000))
      return bad_schedule(text, error);
  } else {
    return bad_schedule(text, error);
  }
  *schedule = result;
  return TRUE;
}

char *
kj_schedule_to_string(const KjSchedule *schedule)
{
  g_autofree char *a = NULL, *b = NULL;

  switch (schedule->kind) {
  case KJ_SCHEDULE_STEP:
    a = kj_number_format(schedule->step_epochs, 4);
    b = kj_number_format(schedule->gamma, 6);
    return g_strdup_printf("step:%s:%s", a, b);
  case KJ_SCHEDULE_COSINE:
    if (schedule->warmup_epochs == 0)
      return g_strdup("cosine");
    a = kj_number_format(schedule->warmup_epochs, 4);
    return g_strdup_printf("cosine:%s", a);
  case KJ_SCHEDULE_CONSTANT:
  default:
    return g_strdup("constant");
  }
}

double
kj_schedule_rate(const KjSchedule *schedule, double base_rate, guint64 step,
                 guint64 steps_per_epoch, guint64 total_steps)
{
  double epoch = steps_per_epoch > 0 ? (double)step / (double)steps_per_epoch : 0.0;
  double warmup, progress;

  switch (schedule->kind) {
  case KJ_SCHEDULE_STEP:
    return base_rate * pow(schedule->gamma, floor(epoch / schedule->step_epochs));
  case KJ_SCHEDULE_COSINE:
    warmup = schedule->warmup_epochs * (double)steps_per_epoch;
    if ((double)step < warmup)
      return base_rate * ((double)step + 1.0) / warmup;
    if (total_steps <= warmup)
      return base_rate;
    progress = ((double)step - warmup) / ((double)total_steps - warmup);
    return base_rate * 0.5 * (1.0 + cos(G_PI * MIN(progress, 1.0)));
  case KJ_SCHEDULE_CONSTANT:
  default:
    return base_rate;
  }
}
