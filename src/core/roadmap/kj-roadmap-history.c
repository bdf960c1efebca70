/* kj-roadmap-history.c — the undo and redo stacks of a roadmap
 *
 * Each step is a command: a property change (object, property, old and new
 * value), an insertion or a removal (object and position), or a compound of
 * those made between begin() and end().  Undo applies the inverse through
 * the roadmap's primitive edits while "replaying" is set, so nothing it does
 * is recorded again. */
#include "config.h"

#include "kj-roadmap-private.h"

/* Enough for a long session; the oldest steps go first. */
#define MAX_STEPS 1000

typedef enum {
  COMMAND_SET,
  COMMAND_INSERT,
  COMMAND_REMOVE,
  COMMAND_COMPOUND,
} CommandType;

typedef struct {
  CommandType type;
  GObject *object; /* owned, except when it is the roadmap itself */
  gboolean owns_object;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
  guint position;
  GPtrArray *children; /* Command, for COMMAND_COMPOUND */
} Command;

struct _KjRoadmapHistory {
  KjRoadmap *owner; /* not owned: the owner holds the history */
  GPtrArray *undo;  /* Command, oldest first */
  GPtrArray *redo;  /* Command, next to redo last */
  GPtrArray *open;  /* the compound being built, or NULL */
  guint depth;      /* nesting of begin() */
  gboolean replaying;
  gboolean can_merge; /* the last step is a text edit that may grow */
};

static void
command_free(gpointer data)
{
  Command *command = data;

  if (command->owns_object)
    g_object_unref(command->object);
  if (G_IS_VALUE(&command->old_value))
    g_value_unset(&command->old_value);
  if (G_IS_VALUE(&command->new_value))
    g_value_unset(&command->new_value);
  if (command->children != NULL)
    g_ptr_array_unref(command->children);
  g_free(command);
}

static Command *
command_new(KjRoadmapHistory *history, CommandType type, GObject *object)
{
  Command *command = g_new0(Command, 1);

  command->type = type;
  command->object = object;
  /* A reference to the roadmap itself would be a cycle. */
  command->owns_object = object != NULL && object != G_OBJECT(history->owner);
  if (command->owns_object)
    g_object_ref(object);
  return command;
}

KjRoadmapHistory *
kj_roadmap_history_new(KjRoadmap *owner)
{
  KjRoadmapHistory *history = g_new0(KjRoadmapHistory, 1);

  history->owner = owner;
  history->undo = g_ptr_array_new_with_free_func(command_free);
  history->redo = g_ptr_array_new_with_free_func(command_free);
  return history;
}

void
kj_roadmap_history_free(KjRoadmapHistory *history)
{
  g_ptr_array_unref(history->undo);
  g_ptr_array_unref(history->redo);
  if (history->open != NULL)
    g_ptr_array_unref(history->open);
  g_free(history);
}

/* Text fields grow one keystroke at a time; those edits merge. */
static gboolean
is_text(GParamSpec *pspec)
{
  return pspec->value_type == G_TYPE_STRING &&
         (strcmp(pspec->name, "title") == 0 || strcmp(pspec->name, "description") == 0 ||
          strcmp(pspec->name, "notes") == 0 || strcmp(pspec->name, "label") == 0);
}

static void
push(KjRoadmapHistory *history, Command *command)
{
  if (history->open != NULL) {
    g_ptr_array_add(history->open, command);
    return;
  }
  g_ptr_array_add(history->undo, command);
  if (history->undo->len > MAX_STEPS)
    g_ptr_array_remove_index(history->undo, 0);
  g_ptr_array_set_size(history->redo, 0);
  kj_roadmap_history_state_changed(history->owner);
}

void
kj_roadmap_history_record_set(KjRoadmapHistory *history, GObject *object, GParamSpec *pspec,
                              const GValue *old_value, const GValue *new_value)
{
  Command *command;

  if (history->replaying)
    return;
  if (history->open == NULL && history->can_merge && history->undo->len > 0) {
    Command *last = g_ptr_array_index(history->undo, history->undo->len - 1);

    if (last->type == COMMAND_SET && last->object == object && last->pspec == pspec) {
      g_value_unset(&last->new_value);
      g_value_init(&last->new_value, pspec->value_type);
      g_value_copy(new_value, &last->new_value);
      g_ptr_array_set_size(history->redo, 0);
      kj_roadmap_history_state_changed(history->owner);
      return;
    }
  }
  command = command_new(history, COMMAND_SET, object);
  command->pspec = pspec;
  g_value_init(&command->old_value, pspec->value_type);
  g_value_copy(old_value, &command->old_value);
  g_value_init(&command->new_value, pspec->value_type);
  g_value_copy(new_value, &command->new_value);
  push(history, command);
  history->can_merge = history->open == NULL && is_text(pspec);
}

void
kj_roadmap_history_record_insert(KjRoadmapHistory *history, GObject *object, guint position)
{
  Command *command;

  if (history->replaying)
    return;
  command = command_new(history, COMMAND_INSERT, object);
  command->position = position;
  push(history, command);
  history->can_merge = FALSE;
}

void
kj_roadmap_history_record_remove(KjRoadmapHistory *history, GObject *object, guint position)
{
  Command *command;

  if (history->replaying)
    return;
  command = command_new(history, COMMAND_REMOVE, object);
  command->position = position;
  push(history, command);
  history->can_merge = FALSE;
}

void
kj_roadmap_history_begin(KjRoadmapHistory *history)
{
  if (history->depth++ == 0)
    history->open = g_ptr_array_new_with_free_func(command_free);
}

void
kj_roadmap_history_end(KjRoadmapHistory *history)
{
  g_autoptr(GPtrArray) children = NULL;
  Command *command;

  g_return_if_fail(history->depth > 0);
  if (--history->depth > 0)
    return;
  children = g_steal_pointer(&history->open);
  history->can_merge = FALSE;
  if (children->len == 0)
    return;
  if (children->len == 1) {
    push(history, g_ptr_array_steal_index(children, 0));
    return;
  }
  command = command_new(history, COMMAND_COMPOUND, NULL);
  command->children = g_steal_pointer(&children);
  push(history, command);
}

gboolean
kj_roadmap_history_in_action(KjRoadmapHistory *history)
{
  return history->depth > 0;
}

gboolean
kj_roadmap_history_can_undo(KjRoadmapHistory *history)
{
  return history->undo->len > 0;
}

gboolean
kj_roadmap_history_can_redo(KjRoadmapHistory *history)
{
  return history->redo->len > 0;
}

static void
apply(KjRoadmapHistory *history, Command *command, gboolean forward)
{
  KjRoadmap *roadmap = history->owner;

  switch (command->type) {
  case COMMAND_SET:
    kj_roadmap_apply_set(roadmap, command->object, command->pspec,
                         forward ? &command->new_value : &command->old_value);
    break;
  case COMMAND_INSERT:
  case COMMAND_REMOVE:
    if ((command->type == COMMAND_INSERT) == forward)
      kj_roadmap_apply_insert(roadmap, command->object, command->position);
    else
      kj_roadmap_apply_remove(roadmap, command->object);
    break;
  case COMMAND_COMPOUND:
    if (forward)
      for (guint i = 0; i < command->children->len; i++)
        apply(history, command->children->pdata[i], TRUE);
    else
      for (guint i = command->children->len; i > 0; i--)
        apply(history, command->children->pdata[i - 1], FALSE);
    break;
  }
}

static gboolean
move_step(KjRoadmapHistory *history, GPtrArray *from, GPtrArray *to, gboolean forward)
{
  Command *command;

  g_return_val_if_fail(history->depth == 0, FALSE);
  if (from->len == 0)
    return FALSE;
  command = g_ptr_array_steal_index(from, from->len - 1);
  history->replaying = TRUE;
  apply(history, command, forward);
  history->replaying = FALSE;
  g_ptr_array_add(to, command);
  history->can_merge = FALSE;
  kj_roadmap_history_state_changed(history->owner);
  return TRUE;
}

gboolean
kj_roadmap_history_undo(KjRoadmapHistory *history)
{
  return move_step(history, history->undo, history->redo, FALSE);
}

gboolean
kj_roadmap_history_redo(KjRoadmapHistory *history)
{
  return move_step(history, history->redo, history->undo, TRUE);
}

void
kj_roadmap_history_seal(KjRoadmapHistory *history)
{
  history->can_merge = FALSE;
}

void
kj_roadmap_history_clear(KjRoadmapHistory *history)
{
  g_return_if_fail(history->depth == 0);
  g_ptr_array_set_size(history->undo, 0);
  g_ptr_array_set_size(history->redo, 0);
  history->can_merge = FALSE;
  kj_roadmap_history_state_changed(history->owner);
}
