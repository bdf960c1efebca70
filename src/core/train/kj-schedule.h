/* kj-schedule.h — the learning rate over training
 *
 *   constant            the base rate throughout
 *   step:E:G            multiplied by G every E epochs (step:2:0.5)
 *   cosine[:W]          linear warm-up over W epochs (may be fractional;
 *                       0 by default), then a cosine decay to zero
 * The seed recommends small rates and a warm-up; cosine:1 is a good start. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KJ_SCHEDULE_CONSTANT,
  KJ_SCHEDULE_STEP,
  KJ_SCHEDULE_COSINE,
} KjScheduleKind;

typedef struct {
  KjScheduleKind kind;
  double step_epochs;   /* step */
  double gamma;         /* step */
  double warmup_epochs; /* cosine */
} KjSchedule;

void kj_schedule_init(KjSchedule *schedule);
gboolean kj_schedule_parse(const char *text, KjSchedule *schedule, GError **error);
char *kj_schedule_to_string(const KjSchedule *schedule);

/* The rate at step (0-based) of total_steps, with steps_per_epoch. */
double kj_schedule_rate(const KjSchedule *schedule, double base_rate, guint64 step,
                        guint64 steps_per_epoch, guint64 total_steps);

G_END_DECLS
