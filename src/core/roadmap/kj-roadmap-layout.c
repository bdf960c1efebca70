#include "config.h"

#include "kj-roadmap-layout.h"

#include <math.h>
#include <stdlib.h>

/* The working graph: the real nodes 0..n_real-1, then the dummies that
 * long edges pass through.  Every virtual edge joins adjacent layers.
 * "cross" is the axis along a layer (x for TB), "main" the axis across
 * layers; the direction is applied only at the end. */
typedef struct {
  guint n;
  guint n_real;
  guint n_layers;
  guint *rank;     /* layer of each node */
  double *cross;   /* size along the layer; 0 for dummies */
  double *main;    /* size across layers; 0 for dummies */
  guint *up_start; /* CSR: neighbours in the layer above */
  guint *up;
  guint *down_start; /* CSR: neighbours in the layer below */
  guint *down;
  guint *layer_start; /* the nodes of layer r are order[layer_start[r] .. layer_start[r+1]) */
  guint *order;
  guint *pos; /* index of each node within its layer */
  double *x;  /* centre along the layer */
} Graph;

typedef struct {
  guint upper;
  guint lower;
} VEdge;

void
kj_roadmap_layout_options_init(KjRoadmapLayoutOptions *options)
{
  g_return_if_fail(options != NULL);
  options->direction = KJ_ROADMAP_DIRECTION_TB;
  options->node_gap = 24.0;
  options->layer_gap = 48.0;
  options->sweeps = 8;
}

/* ---- cycles and layers ---- */

/* CSR adjacency of the given (from, to) pairs, by from. */
static void
build_csr(guint n, guint m, const guint *from, const guint *to, guint **start, guint **list)
{
  guint *s = g_new0(guint, n + 1);
  guint *l = g_new(guint, MAX(m, 1));
  guint *fill = g_new(guint, n);

  for (guint e = 0; e < m; e++)
    s[from[e] + 1]++;
  for (guint v = 0; v < n; v++)
    s[v + 1] += s[v];
  memcpy(fill, s, n * sizeof(guint));
  for (guint e = 0; e < m; e++)
    l[fill[from[e]]++] = to[e];
  g_free(fill);
  *start = s;
  *list = l;
}

/* Marks the back edges of a depth-first search (in node order, so the result
 * is stable); turning them round leaves no cycle.  Iterative: no recursion
 * limit on long chains. */
static void
break_cycles(guint n, guint m, const guint *from, const guint *to, gboolean *reversed)
{
  guint *start, *edge_ids;
  guint *ids = g_new(guint, MAX(m, 1));
  guchar *state = g_new0(guchar, n); /* 0 new, 1 on the stack, 2 done */
  guint *stack = g_new(guint, n), *next = g_new(guint, n);

  for (guint e = 0; e < m; e++)
    ids[e] = e;
  build_csr(n, m, from, ids, &start, &edge_ids);
  for (guint root = 0; root < n; root++) {
    guint depth = 0;

    if (state[root] != 0)
      continue;
    state[root] = 1;
    stack[depth] = root;
    next[depth++] = start[root];
    while (depth > 0) {
      guint v = stack[depth - 1];

      if (next[depth - 1] < start[v + 1]) {
        guint e = edge_ids[next[depth - 1]++];
        guint w = to[e];

        if (state[w] == 1) {
          reversed[e] = TRUE;
        } else if (state[w] == 0) {
          state[w] = 1;
          stack[depth] = w;
          next[depth++] = start[w];
        }
      } else {
        state[v] = 2;
        depth--;
      }
    }
  }
  g_free(start);
  g_free(edge_ids);
  g_free(ids);
  g_free(state);
  g_free(stack);
  g_free(next);
}

/* Longest path from the sources, then a few passes that move a node towards
 * the side where it has more edges (a cheap stand-in for network simplex):
 * fewer long edges, fewer dummies. */
static guint *
assign_layers(guint n, guint m, const guint *a, const guint *b, const double *cross,
              guint *n_layers)
{
  guint *rank = g_new0(guint, n);
  guint *succ_start, *succ, *pred_start, *pred;
  guint *in_left = g_new0(guint, n), *topo = g_new(guint, n);
  guint head = 0, tail = 0, top = 0;

  build_csr(n, m, a, b, &succ_start, &succ);
  build_csr(n, m, b, a, &pred_start, &pred);
  for (guint e = 0; e < m; e++)
    in_left[b[e]]++;
  for (guint v = 0; v < n; v++)
    if (in_left[v] == 0)
      topo[tail++] = v;
  while (head < tail) {
    guint v = topo[head++];

    for (guint i = succ_start[v]; i < succ_start[v + 1]; i++) {
      guint w = succ[i];

      rank[w] = MAX(rank[w], rank[v] + 1);
      if (--in_left[w] == 0)
        topo[tail++] = w;
    }
  }
  g_assert(tail == n); /* the graph is acyclic */

  for (guint pass = 0; pass < 4; pass++) {
    gboolean moved = FALSE;

    for (guint i = n; i > 0; i--) {
      guint v = topo[i - 1];
      guint out = succ_start[v + 1] - succ_start[v], in = pred_start[v + 1] - pred_start[v];
      guint limit = G_MAXUINT;

      if (out == 0 || out <= in)
        continue;
      for (guint j = succ_start[v]; j < succ_start[v + 1]; j++)
        limit = MIN(limit, rank[succ[j]] - 1);
      if (limit > rank[v]) {
        rank[v] = limit;
        moved = TRUE;
      }
    }
    for (guint i = 0; i < n; i++) {
      guint v = topo[i];
      guint out = succ_start[v + 1] - succ_start[v], in = pred_start[v + 1] - pred_start[v];
      guint limit = 0;

      if (in == 0 || in <= out)
        continue;
      for (guint j = pred_start[v]; j < pred_start[v + 1]; j++)
        limit = MAX(limit, rank[pred[j]] + 1);
      if (limit < rank[v]) {
        rank[v] = limit;
        moved = TRUE;
      }
    }
    if (!moved)
      break;
  }

  /* Layers from 0, none empty at the top. */
  top = G_MAXUINT;
  for (guint v = 0; v < n; v++)
    top = MIN(top, rank[v]);
  *n_layers = 0;
  for (guint v = 0; v < n; v++) {
    rank[v] -= top;
    *n_layers = MAX(*n_layers, rank[v] + 1);
  }

  /* Nodes without edges go to the narrowest layers (at least √n of them),
   * so that a roadmap of loose notes is a block, not one endless row. */
  {
    guint n_loose = 0, n_total;
    double *width;

    for (guint v = 0; v < n; v++)
      n_loose += succ_start[v + 1] == succ_start[v] && pred_start[v + 1] == pred_start[v];
    n_total = MAX(*n_layers, (guint)ceil(sqrt((double)n_loose)));
    width = g_new0(double, n_total);
    for (guint v = 0; v < n; v++)
      if (succ_start[v + 1] != succ_start[v] || pred_start[v + 1] != pred_start[v])
        width[rank[v]] += cross[v];
    for (guint v = 0; v < n; v++) {
      guint best = 0;

      if (succ_start[v + 1] != succ_start[v] || pred_start[v + 1] != pred_start[v])
        continue;
      for (guint r = 1; r < n_total; r++)
        if (width[r] < width[best])
          best = r;
      rank[v] = best;
      width[best] += cross[v];
    }
    *n_layers = n_total;
    g_free(width);
  }
  g_free(succ_start);
  g_free(succ);
  g_free(pred_start);
  g_free(pred);
  g_free(in_left);
  g_free(topo);
  return rank;
}

/* ---- ordering ---- */

static guint64
count_crossings_between(Graph *g, guint r, guint *fenwick, GArray *targets)
{
  guint width = g->layer_start[r + 2] - g->layer_start[r + 1];
  guint64 crossings = 0;
  guint inserted = 0;

  /* Edges sorted by (upper position, lower position); a crossing is an
   * inversion of the lower positions, counted with a Fenwick tree. */
  memset(fenwick, 0, (width + 1) * sizeof(guint));
  for (guint i = g->layer_start[r]; i < g->layer_start[r + 1]; i++) {
    guint v = g->order[i];

    g_array_set_size(targets, 0);
    for (guint j = g->down_start[v]; j < g->down_start[v + 1]; j++)
      g_array_append_val(targets, g->pos[g->down[j]]);
    for (guint j = 1; j < targets->len; j++) /* few edges per node: insertion sort */
      for (guint k = j;
           k > 0 && g_array_index(targets, guint, k - 1) > g_array_index(targets, guint, k); k--) {
        guint t = g_array_index(targets, guint, k);

        g_array_index(targets, guint, k) = g_array_index(targets, guint, k - 1);
        g_array_index(targets, guint, k - 1) = t;
      }
    for (guint j = 0; j < targets->len; j++) {
      guint p = g_array_index(targets, guint, j) + 1;
      guint not_greater = 0;

      for (guint q = p; q > 0; q -= q & -q)
        not_greater += fenwick[q];
      crossings += inserted - not_greater;
      for (guint q = p; q <= width; q += q & -q)
        fenwick[q]++;
      inserted++;
    }
  }
  return crossings;
}

static guint64
count_crossings(Graph *g)
{
  guint max_width = 0;
  guint *fenwick;
  g_autoptr(GArray) targets = g_array_new(FALSE, FALSE, sizeof(guint));
  guint64 total = 0;

  for (guint r = 0; r < g->n_layers; r++)
    max_width = MAX(max_width, g->layer_start[r + 1] - g->layer_start[r]);
  fenwick = g_new(guint, max_width + 1);
  for (guint r = 0; r + 1 < g->n_layers; r++)
    total += count_crossings_between(g, r, fenwick, targets);
  g_free(fenwick);
  return total;
}

typedef struct {
  double key;
  guint pos;
  guint node;
} SortItem;

static int
compare_items(const void *a, const void *b)
{
  const SortItem *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Sorts layer r by the mean position of its neighbours on one side; a node
 * without any keeps its place. */
static void
order_by_barycenter(Graph *g, guint r, gboolean use_up, SortItem *items)
{
  guint first = g->layer_start[r], k = g->layer_start[r + 1] - first;
  const guint *start = use_up ? g->up_start : g->down_start;
  const guint *list = use_up ? g->up : g->down;

  for (guint i = 0; i < k; i++) {
    guint v = g->order[first + i];
    guint degree = start[v + 1] - start[v];
    double sum = 0.0;

    for (guint j = start[v]; j < start[v + 1]; j++)
      sum += g->pos[list[j]];
    items[i] = (SortItem){ degree > 0 ? sum / degree : (double)i, i, v };
  }
  qsort(items, k, sizeof(SortItem), compare_items);
  for (guint i = 0; i < k; i++) {
    g->order[first + i] = items[i].node;
    g->pos[items[i].node] = i;
  }
}

static guint64
reduce_crossings(Graph *g, guint sweeps)
{
  SortItem *items = g_new(SortItem, MAX(g->n, 1));
  guint *best = g_memdup2(g->order, g->n * sizeof(guint));
  guint64 best_crossings = count_crossings(g);

  for (guint s = 0; s < sweeps && best_crossings > 0; s++) {
    guint64 crossings;

    if (s % 2 == 0)
      for (guint r = 1; r < g->n_layers; r++)
        order_by_barycenter(g, r, TRUE, items);
    else
      for (guint r = g->n_layers - 1; r > 0; r--)
        order_by_barycenter(g, r - 1, FALSE, items);
    crossings = count_crossings(g);
    if (crossings < best_crossings) {
      best_crossings = crossings;
      memcpy(best, g->order, g->n * sizeof(guint));
    }
  }
  memcpy(g->order, best, g->n * sizeof(guint));
  for (guint r = 0; r < g->n_layers; r++)
    for (guint i = g->layer_start[r]; i < g->layer_start[r + 1]; i++)
      g->pos[g->order[i]] = i - g->layer_start[r];
  g_free(best);
  g_free(items);
  return best_crossings;
}

/* ---- coordinates ---- */

static double
separation(Graph *g, guint a, guint b, double gap)
{
  gboolean dummies = a >= g->n_real && b >= g->n_real;

  return (g->cross[a] + g->cross[b]) / 2.0 + (dummies ? gap / 2.0 : gap);
}

/* Least squares placement of one layer at targets d with weights w, under
 * x[i+1] − x[i] ≥ separation: with y = x − offset it is isotonic regression,
 * solved exactly by pool-adjacent-violators. */
static void
place_layer(Graph *g, guint r, const double *d, const double *w, double gap, double *offset,
            double *block_mean, double *block_weight, guint *block_size)
{
  guint first = g->layer_start[r], k = g->layer_start[r + 1] - first;
  guint n_blocks = 0, i = 0;

  offset[0] = 0.0;
  for (guint j = 1; j < k; j++)
    offset[j] = offset[j - 1] + separation(g, g->order[first + j - 1], g->order[first + j], gap);
  for (guint j = 0; j < k; j++) {
    block_mean[n_blocks] = d[j] - offset[j];
    block_weight[n_blocks] = w[j];
    block_size[n_blocks++] = 1;
    while (n_blocks > 1 && block_mean[n_blocks - 2] > block_mean[n_blocks - 1]) {
      double weight = block_weight[n_blocks - 2] + block_weight[n_blocks - 1];

      block_mean[n_blocks - 2] = (block_mean[n_blocks - 2] * block_weight[n_blocks - 2] +
                                  block_mean[n_blocks - 1] * block_weight[n_blocks - 1]) /
                                 weight;
      block_weight[n_blocks - 2] = weight;
      block_size[n_blocks - 2] += block_size[n_blocks - 1];
      n_blocks--;
    }
  }
  for (guint b = 0; b < n_blocks; b++)
    for (guint j = 0; j < block_size[b]; j++, i++)
      g->x[g->order[first + i]] = block_mean[b] + offset[i];
}

static void
assign_cross(Graph *g, double gap)
{
  guint max_width = 1;
  double *d, *w, *offset, *mean, *weight;
  guint *size;

  for (guint r = 0; r < g->n_layers; r++)
    max_width = MAX(max_width, g->layer_start[r + 1] - g->layer_start[r]);
  d = g_new(double, max_width);
  w = g_new(double, max_width);
  offset = g_new(double, max_width);
  mean = g_new(double, max_width);
  weight = g_new(double, max_width);
  size = g_new(guint, max_width);

  /* Start packed and centred on 0. */
  for (guint r = 0; r < g->n_layers; r++) {
    guint first = g->layer_start[r], k = g->layer_start[r + 1] - first;
    double x = 0.0;

    for (guint j = 0; j < k; j++) {
      if (j > 0)
        x += separation(g, g->order[first + j - 1], g->order[first + j], gap);
      g->x[g->order[first + j]] = x;
    }
    for (guint j = 0; j < k; j++)
      g->x[g->order[first + j]] -= x / 2.0;
  }

  /* Down, up, …, then once against both sides. */
  for (guint pass = 0; pass < 9; pass++) {
    gboolean down = pass % 2 == 0, both = pass == 8;

    for (guint step = 0; step < g->n_layers; step++) {
      guint r = down || both ? step : g->n_layers - 1 - step;
      guint first = g->layer_start[r], k = g->layer_start[r + 1] - first;

      for (guint j = 0; j < k; j++) {
        guint v = g->order[first + j];
        double sum = 0.0;
        guint count = 0;

        if (down || both)
          for (guint i = g->up_start[v]; i < g->up_start[v + 1]; i++, count++)
            sum += g->x[g->up[i]];
        if (!down || both)
          for (guint i = g->down_start[v]; i < g->down_start[v + 1]; i++, count++)
            sum += g->x[g->down[i]];
        d[j] = count > 0 ? sum / count : g->x[v];
        /* Dummies pull hardest (straight long edges); loose nodes give way. */
        w[j] = count == 0 ? 0.25 : v >= g->n_real ? 4.0 : 1.0;
      }
      place_layer(g, r, d, w, gap, offset, mean, weight, size);
    }
  }
  g_free(d);
  g_free(w);
  g_free(offset);
  g_free(mean);
  g_free(weight);
  g_free(size);
}

/* ---- the result ---- */

typedef struct {
  KjRoadmapDirection direction;
  double total_main;
} Transform;

static KjLayoutPoint
to_point(const Transform *t, double c, double m)
{
  switch (t->direction) {
  case KJ_ROADMAP_DIRECTION_BT:
    return (KjLayoutPoint){ c, t->total_main - m };
  case KJ_ROADMAP_DIRECTION_LR:
    return (KjLayoutPoint){ m, c };
  case KJ_ROADMAP_DIRECTION_RL:
    return (KjLayoutPoint){ t->total_main - m, c };
  case KJ_ROADMAP_DIRECTION_TB:
    break;
  }
  return (KjLayoutPoint){ c, m };
}

static gboolean
is_horizontal(KjRoadmapDirection direction)
{
  return direction == KJ_ROADMAP_DIRECTION_LR || direction == KJ_ROADMAP_DIRECTION_RL;
}

KjRoadmapLayout *
kj_roadmap_layout_compute_graph(guint n_nodes, const double *sizes, guint n_edges,
                                const guint *ends, const KjRoadmapLayoutOptions *options)
{
  KjRoadmapLayoutOptions defaults;
  KjRoadmapLayout *layout = g_new0(KjRoadmapLayout, 1);
  gboolean horizontal;
  guint *from, *to, *a, *b, *dag_edge, *chain_start, *chain_len, *layer_fill;
  gboolean *reversed, *loop;
  guint m = 0, n_dummies = 0, next_dummy;
  double *band, *thick;
  Transform t;
  g_autoptr(GArray) vedges = g_array_new(FALSE, FALSE, sizeof(VEdge));
  Graph g = { 0 };
  double min_cross = G_MAXDOUBLE, max_cross = -G_MAXDOUBLE;

  g_return_val_if_fail(n_nodes == 0 || sizes != NULL, layout);
  g_return_val_if_fail(n_edges == 0 || ends != NULL, layout);
  if (options == NULL) {
    kj_roadmap_layout_options_init(&defaults);
    options = &defaults;
  }
  horizontal = is_horizontal(options->direction);

  layout->n_nodes = n_nodes;
  layout->nodes = g_new0(KjLayoutRect, MAX(n_nodes, 1));
  layout->layers = g_new0(guint, MAX(n_nodes, 1));
  layout->n_edges = n_edges;
  layout->edges = g_new0(KjLayoutPath, MAX(n_edges, 1));
  if (n_nodes == 0)
    return layout;

  /* 1. Self-loops aside, break cycles. */
  from = g_new(guint, MAX(n_edges, 1));
  to = g_new(guint, MAX(n_edges, 1));
  dag_edge = g_new(guint, MAX(n_edges, 1));
  loop = g_new0(gboolean, MAX(n_edges, 1));
  for (guint e = 0; e < n_edges; e++) {
    guint u = ends[2 * e], v = ends[2 * e + 1];

    g_return_val_if_fail(u < n_nodes && v < n_nodes, layout);
    loop[e] = u == v;
    if (!loop[e]) {
      from[m] = u;
      to[m] = v;
      dag_edge[e] = m++;
    }
  }
  reversed = g_new0(gboolean, MAX(m, 1));
  break_cycles(n_nodes, m, from, to, reversed);
  a = g_new(guint, MAX(m, 1));
  b = g_new(guint, MAX(m, 1));
  for (guint e = 0; e < m; e++) {
    a[e] = reversed[e] ? to[e] : from[e];
    b[e] = reversed[e] ? from[e] : to[e];
  }

  /* 2. Layers. */
  g.cross = g_new0(double, n_nodes);
  g.main = g_new0(double, n_nodes);
  for (guint v = 0; v < n_nodes; v++) {
    double width = MAX(sizes[2 * v], 0.0), height = MAX(sizes[2 * v + 1], 0.0);

    g.cross[v] = horizontal ? height : width;
    g.main[v] = horizontal ? width : height;
  }
  {
    guint *rank = assign_layers(n_nodes, m, a, b, g.cross, &g.n_layers);

    for (guint e = 0; e < m; e++)
      n_dummies += rank[b[e]] - rank[a[e]] - 1;
    g.n_real = n_nodes;
    g.n = n_nodes + n_dummies;
    g.rank = g_renew(guint, rank, g.n);
  }

  /* 3. Dummies along long edges, of no size. */
  g.cross = g_renew(double, g.cross, g.n);
  g.main = g_renew(double, g.main, g.n);
  for (guint v = n_nodes; v < g.n; v++)
    g.cross[v] = g.main[v] = 0.0;
  chain_start = g_new(guint, MAX(m, 1));
  chain_len = g_new(guint, MAX(m, 1));
  next_dummy = n_nodes;
  for (guint e = 0; e < m; e++) {
    guint prev = a[e], span = g.rank[b[e]] - g.rank[a[e]];

    chain_start[e] = next_dummy;
    chain_len[e] = span - 1;
    for (guint k = 1; k < span; k++) {
      guint d = next_dummy++;

      g.rank[d] = g.rank[a[e]] + k;
      g_array_append_val(vedges, ((VEdge){ prev, d }));
      prev = d;
    }
    g_array_append_val(vedges, ((VEdge){ prev, b[e] }));
  }
  {
    guint nv = vedges->len;
    guint *upper = g_new(guint, MAX(nv, 1)), *lower = g_new(guint, MAX(nv, 1));

    for (guint i = 0; i < nv; i++) {
      upper[i] = g_array_index(vedges, VEdge, i).upper;
      lower[i] = g_array_index(vedges, VEdge, i).lower;
    }
    build_csr(g.n, nv, upper, lower, &g.down_start, &g.down);
    build_csr(g.n, nv, lower, upper, &g.up_start, &g.up);
    g_free(upper);
    g_free(lower);
  }

  /* 4. Order within layers. */
  g.layer_start = g_new0(guint, g.n_layers + 1);
  g.order = g_new(guint, g.n);
  g.pos = g_new(guint, g.n);
  g.x = g_new0(double, g.n);
  for (guint v = 0; v < g.n; v++)
    g.layer_start[g.rank[v] + 1]++;
  for (guint r = 0; r < g.n_layers; r++)
    g.layer_start[r + 1] += g.layer_start[r];
  layer_fill = g_memdup2(g.layer_start, (g.n_layers + 1) * sizeof(guint));
  for (guint v = 0; v < g.n; v++) {
    g.pos[v] = layer_fill[g.rank[v]] - g.layer_start[g.rank[v]];
    g.order[layer_fill[g.rank[v]]++] = v;
  }
  g_free(layer_fill);
  layout->crossings = (guint)MIN(reduce_crossings(&g, options->sweeps), G_MAXUINT);

  /* 5. Coordinates: bands across layers, placement along them. */
  assign_cross(&g, options->node_gap);
  band = g_new0(double, g.n_layers);
  thick = g_new0(double, g.n_layers);
  for (guint v = 0; v < n_nodes; v++)
    thick[g.rank[v]] = MAX(thick[g.rank[v]], g.main[v]);
  for (guint r = 1; r < g.n_layers; r++)
    band[r] = band[r - 1] + thick[r - 1] + options->layer_gap;
  for (guint v = 0; v < g.n; v++) {
    min_cross = MIN(min_cross, g.x[v] - g.cross[v] / 2.0);
    max_cross = MAX(max_cross, g.x[v] + g.cross[v] / 2.0);
  }
  for (guint v = 0; v < g.n; v++)
    g.x[v] -= min_cross;
  t.direction = options->direction;
  t.total_main = band[g.n_layers - 1] + thick[g.n_layers - 1];
  layout->n_layers = g.n_layers;
  layout->width = horizontal ? t.total_main : max_cross - min_cross;
  layout->height = horizontal ? max_cross - min_cross : t.total_main;

  for (guint v = 0; v < n_nodes; v++) {
    KjLayoutPoint centre = to_point(&t, g.x[v], band[g.rank[v]] + thick[g.rank[v]] / 2.0);
    double width = horizontal ? g.main[v] : g.cross[v];
    double height = horizontal ? g.cross[v] : g.main[v];

    layout->nodes[v] =
        (KjLayoutRect){ centre.x - width / 2.0, centre.y - height / 2.0, width, height };
    layout->layers[v] = g.rank[v];
  }

  /* 6. Edge paths, from border to border through the dummies. */
  for (guint e = 0; e < n_edges; e++) {
    KjLayoutPath *path = &layout->edges[e];

    if (loop[e]) {
      const KjLayoutRect *r = &layout->nodes[ends[2 * e]];
      double right = r->x + r->width, out = right + options->node_gap / 2.0;
      double top = r->y + r->height / 4.0, bottom = r->y + 3.0 * r->height / 4.0;

      path->n_points = 4;
      path->points = g_new(KjLayoutPoint, 4);
      path->points[0] = (KjLayoutPoint){ right, top };
      path->points[1] = (KjLayoutPoint){ out, top };
      path->points[2] = (KjLayoutPoint){ out, bottom };
      path->points[3] = (KjLayoutPoint){ right, bottom };
      layout->width = MAX(layout->width, out);
      continue;
    }
    {
      guint de = dag_edge[e], u = a[de], v = b[de], k = 0;
      double centre_u = band[g.rank[u]] + thick[g.rank[u]] / 2.0;
      double centre_v = band[g.rank[v]] + thick[g.rank[v]] / 2.0;

      path->reversed = reversed[de];
      path->points = g_new(KjLayoutPoint, 2 + 2 * chain_len[de]);
      path->points[k++] = to_point(&t, g.x[u], centre_u + g.main[u] / 2.0);
      for (guint i = 0; i < chain_len[de]; i++) {
        guint d = chain_start[de] + i, r = g.rank[d];

        path->points[k++] = to_point(&t, g.x[d], band[r]);
        if (thick[r] > 0.0)
          path->points[k++] = to_point(&t, g.x[d], band[r] + thick[r]);
      }
      path->points[k++] = to_point(&t, g.x[v], centre_v - g.main[v] / 2.0);
      path->n_points = k;
      if (path->reversed)
        for (guint i = 0; i < k / 2; i++) {
          KjLayoutPoint p = path->points[i];

          path->points[i] = path->points[k - 1 - i];
          path->points[k - 1 - i] = p;
        }
    }
  }

  g_free(from);
  g_free(to);
  g_free(dag_edge);
  g_free(loop);
  g_free(reversed);
  g_free(a);
  g_free(b);
  g_free(chain_start);
  g_free(chain_len);
  g_free(band);
  g_free(thick);
  g_free(g.rank);
  g_free(g.cross);
  g_free(g.main);
  g_free(g.up_start);
  g_free(g.up);
  g_free(g.down_start);
  g_free(g.down);
  g_free(g.layer_start);
  g_free(g.order);
  g_free(g.pos);
  g_free(g.x);
  return layout;
}

KjRoadmapLayout *
kj_roadmap_layout_compute(KjRoadmap *roadmap, KjRoadmapNodeSizeFunc size_func, gpointer user_data,
                          const KjRoadmapLayoutOptions *options)
{
  KjRoadmapLayoutOptions defaults;
  g_autoptr(GHashTable) positions = g_hash_table_new(g_str_hash, g_str_equal);
  guint n_nodes, n_edges;
  double *sizes;
  guint *ends;
  KjRoadmapLayout *layout;

  g_return_val_if_fail(KJ_IS_ROADMAP(roadmap), NULL);
  if (options == NULL) {
    kj_roadmap_layout_options_init(&defaults);
    defaults.direction = kj_roadmap_get_direction(roadmap);
    options = &defaults;
  }

  n_nodes = kj_roadmap_get_n_nodes(roadmap);
  n_edges = kj_roadmap_get_n_edges(roadmap);
  sizes = g_new(double, 2 * MAX(n_nodes, 1));
  ends = g_new(guint, 2 * MAX(n_edges, 1));
  for (guint i = 0; i < n_nodes; i++) {
    KjRoadmapNode *node = kj_roadmap_get_node(roadmap, i);

    sizes[2 * i] = 160.0;
    sizes[2 * i + 1] = 48.0;
    if (size_func != NULL)
      size_func(node, &sizes[2 * i], &sizes[2 * i + 1], user_data);
    g_hash_table_insert(positions, (gpointer)kj_roadmap_node_get_id(node), GUINT_TO_POINTER(i));
  }
  /* The roadmap guarantees that both ends exist. */
  for (guint i = 0; i < n_edges; i++) {
    KjRoadmapEdge *edge = kj_roadmap_get_edge(roadmap, i);

    ends[2 * i] = GPOINTER_TO_UINT(g_hash_table_lookup(positions, kj_roadmap_edge_get_from(edge)));
    ends[2 * i + 1] =
        GPOINTER_TO_UINT(g_hash_table_lookup(positions, kj_roadmap_edge_get_to(edge)));
  }
  layout = kj_roadmap_layout_compute_graph(n_nodes, sizes, n_edges, ends, options);
  g_free(sizes);
  g_free(ends);
  return layout;
}

int
kj_roadmap_layout_node_at(const KjRoadmapLayout *layout, double x, double y)
{
  g_return_val_if_fail(layout != NULL, -1);

  for (guint i = 0; i < layout->n_nodes; i++) {
    const KjLayoutRect *r = &layout->nodes[i];

    if (x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height)
      return (int)i;
  }
  return -1;
}

void
kj_roadmap_layout_free(KjRoadmapLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint e = 0; e < layout->n_edges; e++)
    g_free(layout->edges[e].points);
  g_free(layout->nodes);
  g_free(layout->layers);
  g_free(layout->edges);
  g_free(layout);
}
