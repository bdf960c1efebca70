#include "config.h"

#include "kj-preferences-window.h"

struct _KjPreferencesWindow {
  AdwPreferencesWindow parent_instance;

  /* template widgets */
  AdwComboRow *style_row;

  /* owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE(KjPreferencesWindow, kj_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions follow the schema's enum: system, light, dark. */
static gboolean
scheme_to_position(GValue *value, GVariant *variant, gpointer user_data)
{
  const char *nick = g_variant_get_string(variant, NULL);

  g_value_set_uint(value, g_str_equal(nick, "light") ? 1 : g_str_equal(nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
position_to_scheme(const GValue *value, const GVariantType *type, gpointer user_data)
{
  static const char *nicks[] = { "system", "light", "dark" };
  guint position = g_value_get_uint(value);

  return g_variant_new_string(nicks[MIN(position, G_N_ELEMENTS(nicks) - 1)]);
}

static void
kj_preferences_window_dispose(GObject *object)
{
  KjPreferencesWindow *self = KJ_PREFERENCES_WINDOW(object);

  gtk_widget_dispose_template(GTK_WIDGET(self), KJ_TYPE_PREFERENCES_WINDOW);
  g_clear_object(&self->settings);
  G_OBJECT_CLASS(kj_preferences_window_parent_class)->dispose(object);
}

static void
kj_preferences_window_class_init(KjPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS(klass);

  object_class->dispose = kj_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource(widget_class,
                                              RESOURCE_PATH "/ui/kj-preferences-window.ui");
  gtk_widget_class_bind_template_child(widget_class, KjPreferencesWindow, style_row);
}

static void
kj_preferences_window_init(KjPreferencesWindow *self)
{
  gtk_widget_init_template(GTK_WIDGET(self));
}

KjPreferencesWindow *
kj_preferences_window_new(GSettings *settings)
{
  KjPreferencesWindow *self = g_object_new(KJ_TYPE_PREFERENCES_WINDOW, NULL);

  self->settings = g_object_ref(settings);
  g_settings_bind_with_mapping(settings, "color-scheme", self->style_row, "selected",
                               G_SETTINGS_BIND_DEFAULT, scheme_to_position, position_to_scheme,
                               NULL, NULL);
  return self;
}
