#include "config.h"

#include "kj-application.h"

#include <glib/gi18n.h>

#include "kj-lab-page.h"
#include "kj-preferences-window.h"
#include "kj-window.h"

struct _KjApplication {
  AdwApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE(KjApplication, kj_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL },
};

static int
kj_application_handle_local_options(GApplication *app, GVariantDict *options)
{
  if (g_variant_dict_contains(options, "version")) {
    g_print("kuajie %s\n", PACKAGE_VERSION);
    return 0;
  }
  return -1;
}

static void
apply_color_scheme(GSettings *settings, const char *key, KjApplication *self)
{
  static const AdwColorScheme schemes[] = {
    [0] = ADW_COLOR_SCHEME_DEFAULT,
    [1] = ADW_COLOR_SCHEME_FORCE_LIGHT,
    [2] = ADW_COLOR_SCHEME_FORCE_DARK,
  };
  int value = g_settings_get_enum(settings, "color-scheme");

  adw_style_manager_set_color_scheme(adw_style_manager_get_default(),
                                     schemes[CLAMP(value, 0, (int)G_N_ELEMENTS(schemes) - 1)]);
}

static void
kj_application_startup(GApplication *app)
{
  KjApplication *self = KJ_APPLICATION(app);

  G_APPLICATION_CLASS(kj_application_parent_class)->startup(app);

  g_signal_connect(self->settings, "changed::color-scheme", G_CALLBACK(apply_color_scheme), self);
  apply_color_scheme(self->settings, "color-scheme", self);
  gtk_window_set_default_icon_name(APP_ID);
}

static KjWindow *
ensure_window(GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window(GTK_APPLICATION(app));

  if (window == NULL)
    window = GTK_WINDOW(kj_window_new(KJ_APPLICATION(app)));
  return KJ_WINDOW(window);
}

static void
kj_application_activate(GApplication *app)
{
  gtk_window_present(GTK_WINDOW(ensure_window(app)));
}

/* kuajie FILE…: roadmaps open in the Roadmap page; models load into the
 * CNN Lab, images are classified there.  The window comes first, so that an
 * error dialog about a file opens above it. */
static void
kj_application_open(GApplication *app, GFile **files, int n_files, const char *hint)
{
  KjWindow *window = ensure_window(app);

  gtk_window_present(GTK_WINDOW(window));
  kj_window_open_files(window, files, n_files);
}

/* The training actions act on the active window's CNN Lab, and are enabled
 * as its state allows. */
static KjLabPage *
active_lab_page(GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window(GTK_APPLICATION(app));

  return KJ_IS_WINDOW(window) ? kj_window_get_lab_page(KJ_WINDOW(window)) : NULL;
}

void
kj_application_update_train_actions(KjApplication *self)
{
  KjLabPage *page = active_lab_page(G_APPLICATION(self));
  struct {
    const char *name;
    gboolean enabled;
  } actions[] = {
    { "train-start", page != NULL && kj_lab_page_can_start(page) },
    { "train-pause", page != NULL && kj_lab_page_is_training(page) },
    { "train-stop", page != NULL && kj_lab_page_is_training(page) },
  };

  for (guint i = 0; i < G_N_ELEMENTS(actions); i++) {
    GAction *action = g_action_map_lookup_action(G_ACTION_MAP(self), actions[i].name);

    g_simple_action_set_enabled(G_SIMPLE_ACTION(action), actions[i].enabled);
  }
}

static void
active_window_changed(GObject *app, GParamSpec *pspec, gpointer user_data)
{
  kj_application_update_train_actions(KJ_APPLICATION(app));
}

static void
train_activated(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GApplication *app = user_data;
  const char *name = g_action_get_name(G_ACTION(action));
  KjLabPage *page;

  /* From a shell (gapplication action …) there may be no window yet. */
  if (gtk_application_get_active_window(GTK_APPLICATION(app)) == NULL)
    gtk_window_present(GTK_WINDOW(ensure_window(app)));
  page = active_lab_page(app);
  if (page == NULL)
    return;
  if (g_str_equal(name, "train-start")) {
    kj_window_show_page(KJ_WINDOW(gtk_application_get_active_window(GTK_APPLICATION(app))), "lab");
    kj_lab_page_start(page);
  } else if (g_str_equal(name, "train-pause")) {
    kj_lab_page_toggle_pause(page);
  } else {
    kj_lab_page_stop(page);
  }
}

static void
quit_activated(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows(app);

  /* Closing each window lets it save its state; the app ends with the last. */
  for (GList *l = windows; l != NULL;) {
    GtkWindow *window = l->data;
    l = l->next;
    gtk_window_close(window);
  }
}

static void
about_activated(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Kuajie developers", NULL };
  GtkWidget *about;

  about = g_object_new(ADW_TYPE_ABOUT_WINDOW, "transient-for",
                       gtk_application_get_active_window(app), "application-name", _("Kuajie"),
                       "application-icon", APP_ID, "developer-name", _("Kuajie developers"),
                       "version", PACKAGE_VERSION, "website", "https://github.com/kuajie/kuajie",
                       "issue-url", "https://github.com/kuajie/kuajie/issues", "comments",
                       _("Learn across domains and turn what you learn into working projects."),
                       "developers", developers,
                       /* Translators: your names, one per line */
                       "translator-credits", _("translator-credits"), "license-type",
                       GTK_LICENSE_GPL_3_0, "copyright", "© 2026 Kuajie developers", NULL);
  gtk_window_present(GTK_WINDOW(about));
}

static void
preferences_activated(GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  KjApplication *self = user_data;
  KjPreferencesWindow *preferences = kj_preferences_window_new(self->settings);

  gtk_window_set_transient_for(GTK_WINDOW(preferences),
                               gtk_application_get_active_window(GTK_APPLICATION(self)));
  gtk_window_present(GTK_WINDOW(preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "train-start", train_activated },
  { "train-pause", train_activated },
  { "train-stop", train_activated },
};

static void
kj_application_dispose(GObject *object)
{
  KjApplication *self = KJ_APPLICATION(object);

  g_clear_object(&self->settings);
  G_OBJECT_CLASS(kj_application_parent_class)->dispose(object);
}

static void
kj_application_class_init(KjApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS(klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS(klass);

  object_class->dispose = kj_application_dispose;
  app_class->handle_local_options = kj_application_handle_local_options;
  app_class->startup = kj_application_startup;
  app_class->activate = kj_application_activate;
  app_class->open = kj_application_open;
}

static void
kj_application_init(KjApplication *self)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *start_accels[] = { "F5", NULL };
  static const char *pause_accels[] = { "F6", NULL };
  static const char *stop_accels[] = { "<Shift>F5", NULL };

  self->settings = g_settings_new(APP_ID);
  g_application_add_main_option_entries(G_APPLICATION(self), option_entries);
  g_action_map_add_action_entries(G_ACTION_MAP(self), app_actions, G_N_ELEMENTS(app_actions), self);
  gtk_application_set_accels_for_action(GTK_APPLICATION(self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action(GTK_APPLICATION(self), "app.preferences",
                                        preferences_accels);
  gtk_application_set_accels_for_action(GTK_APPLICATION(self), "app.train-start", start_accels);
  gtk_application_set_accels_for_action(GTK_APPLICATION(self), "app.train-pause", pause_accels);
  gtk_application_set_accels_for_action(GTK_APPLICATION(self), "app.train-stop", stop_accels);
  g_signal_connect(self, "notify::active-window", G_CALLBACK(active_window_changed), NULL);
  kj_application_update_train_actions(self);
}

KjApplication *
kj_application_new(void)
{
  return g_object_new(KJ_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                      G_APPLICATION_HANDLES_OPEN, "resource-base-path", RESOURCE_PATH, NULL);
}

GSettings *
kj_application_get_settings(KjApplication *self)
{
  g_return_val_if_fail(KJ_IS_APPLICATION(self), NULL);
  return self->settings;
}
