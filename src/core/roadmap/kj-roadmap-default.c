#include "config.h"

#include "kj-roadmap-default.h"

#include <glib/gi18n-lib.h>

/* The roadmap is two static tables: nodes in the order a learner meets them
 * (the domains early, so the Fusion page lists them in the seed's order),
 * then edges.  Every text is an English msgid translated when the roadmap is
 * built.  The graph is a tree-like DAG with one root, 跨界知识, so a layered
 * drawing reads from the seed's concept graph (2.1, 2.2) at the top, down
 * the four stages (3.1, 3.2) on one side and the domains' application
 * fields (3.4) and scenarios (6) on the other, with resources, tools, papers
 * (7) and challenges (8.3) hanging under the node they serve. */

/* The context of the one title whose msgid is also a stage's name
 * ("Cross-domain knowledge", 跨界知识获取) but means 跨界知识 here. */
#define NODE_CONTEXT "roadmap node"

typedef struct {
  const char *id;
  const char *context; /* msgctxt of the title, or NULL */
  const char *title;
  KjRoadmapNodeKind kind;
  KjRoadmapStage stage;
  const char *domain; /* the domain's id, or NULL */
  double hours;
  const char *description;
  const char *links[3];
} NodeSpec;

typedef struct {
  const char *from;
  const char *to;
  KjRoadmapEdgeKind kind;
  const char *label; /* NULL: none */
} EdgeSpec;

#define CONCEPT  KJ_ROADMAP_NODE_KIND_CONCEPT
#define DOMAIN   KJ_ROADMAP_NODE_KIND_DOMAIN
#define SKILL    KJ_ROADMAP_NODE_KIND_SKILL
#define RESOURCE KJ_ROADMAP_NODE_KIND_RESOURCE
#define TOOL     KJ_ROADMAP_NODE_KIND_TOOL
#define PAPER    KJ_ROADMAP_NODE_KIND_PAPER
#define PROJECT  KJ_ROADMAP_NODE_KIND_PROJECT

#define NO_STAGE     KJ_ROADMAP_STAGE_NONE
#define FOUNDATIONS  KJ_ROADMAP_STAGE_FOUNDATIONS
#define CROSS_DOMAIN KJ_ROADMAP_STAGE_CROSS_DOMAIN
#define FUSION       KJ_ROADMAP_STAGE_FUSION
#define PRACTICE     KJ_ROADMAP_STAGE_PRACTICE

#define PREREQUISITE KJ_ROADMAP_EDGE_PREREQUISITE
#define RELATES_TO   KJ_ROADMAP_EDGE_RELATES_TO

/* Translators: shared by the four emerging domains (seed, section 1) */
#define EMERGING_FIELD                                                                         \
  N_("One of the emerging technical fields whose knowledge programmers need to keep learning " \
     "and mastering to stay competitive in their careers.")

static const NodeSpec nodes[] = {
  /* ---- the concept graphs of sections 2.1 and 2.2 ---- */
  {
      .id = "cross-domain-knowledge",
      .context = NODE_CONTEXT,
      /* Translators: 跨界知识, the roadmap's root; not the stage 跨界知识获取 */
      .title = NC_("roadmap node", "Cross-domain knowledge"),
      .kind = CONCEPT,
      .stage = CROSS_DOMAIN,
      .description = N_("Knowledge beyond programming, such as artificial intelligence, data "
                        "science, blockchain and the Internet of Things. It gives programmers a "
                        "wider technical perspective and more application scenarios."),
  },
  {
      .id = "knowledge-monetization",
      /* Translators: 知识变现 */
      .title = N_("Knowledge monetization"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .description = N_("Applying what you have learned in real projects to create technical "
                        "value and economic returns. It can mean developing an innovative "
                        "application or helping a company solve real problems."),
  },
  {
      .id = "tech-stack-fusion",
      /* Translators: 技术栈融合 */
      .title = N_("Tech-stack fusion"),
      .kind = CONCEPT,
      .stage = FUSION,
      .description = N_("Fusing the knowledge of different tech stacks into more complete and "
                        "efficient technical ability, for example combining programming knowledge "
                        "with artificial intelligence to develop intelligent applications."),
  },
  {
      .id = "programming",
      .title = N_("Programming knowledge"),
      .kind = DOMAIN,
      .stage = FOUNDATIONS,
      .description = N_("For example, master the Python language and get to know a web "
                        "development framework such as Django. On this base you go on to master "
                        "the other domains."),
  },
  {
      .id = "ai",
      .title = N_("Artificial intelligence"),
      .kind = DOMAIN,
      .stage = CROSS_DOMAIN,
      .description = EMERGING_FIELD,
  },
  {
      .id = "data-science",
      .title = N_("Data science"),
      .kind = DOMAIN,
      .stage = CROSS_DOMAIN,
      .description = EMERGING_FIELD,
  },
  {
      .id = "blockchain",
      .title = N_("Blockchain"),
      .kind = DOMAIN,
      .stage = CROSS_DOMAIN,
      .description = EMERGING_FIELD,
  },
  {
      .id = "iot",
      .title = N_("Internet of Things"),
      .kind = DOMAIN,
      .stage = CROSS_DOMAIN,
      .description = EMERGING_FIELD,
  },
  {
      .id = "project-application",
      /* Translators: 项目应用 */
      .title = N_("Project application"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .description = N_("Applying composite technical ability in real projects to solve real "
                        "problems and create technical value."),
  },
  {
      .id = "economic-returns",
      /* Translators: 经济收益 */
      .title = N_("Economic returns"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .description = N_("The end of the monetization process: the technical value and economic "
                        "returns that project applications bring."),
  },

  /* ---- the four stages of section 3.1, with the steps of 3.2 ---- */
  {
      .id = "programming-fundamentals",
      /* Translators: 掌握编程基础知识 */
      .title = N_("Master programming fundamentals"),
      .kind = SKILL,
      .stage = FOUNDATIONS,
      .domain = "programming",
      .hours = 120,
      .description = N_("Master the fundamentals of programming and learn the basic principles "
                        "and application scenarios of different tech stacks."),
  },
  {
      .id = "choose-field",
      /* Translators: 选择感兴趣的跨界技术领域 */
      .title = N_("Choose a cross-domain field"),
      .kind = SKILL,
      .stage = FOUNDATIONS,
      .hours = 4,
      .description = N_("Choose a cross-domain technical field that interests you, such as "
                        "artificial intelligence or data science."),
  },
  {
      .id = "read-and-study",
      /* Translators: 阅读相关书籍、论文和在线课程 */
      .title = N_("Read books, papers and online courses"),
      .kind = SKILL,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 60,
      .description = N_("Read related books, papers and online courses to understand the basic "
                        "concepts and application scenarios."),
  },
  {
      .id = "training-and-talks",
      /* Translators: 参加相关培训和讲座 */
      .title = N_("Attend training and talks"),
      .kind = SKILL,
      .stage = FOUNDATIONS,
      .hours = 16,
      .description = N_("Attend related training and talks and exchange ideas with experts in the "
                        "field to broaden your horizons."),
  },
  {
      .id = "open-source-and-cloud",
      /* Translators: 参与开源项目或使用云平台服务 */
      .title = N_("Join open-source projects and use cloud services"),
      .kind = PROJECT,
      .stage = CROSS_DOMAIN,
      .domain = "ai",
      .hours = 40,
      .description = N_("Gain cross-domain knowledge through real projects or research, for "
                        "example practical experience of artificial intelligence from open-source "
                        "projects or cloud platform services."),
  },
  {
      .id = "conferences-and-forums",
      /* Translators: 参与技术会议和论坛 */
      .title = N_("Take part in conferences and forums"),
      .kind = SKILL,
      .stage = CROSS_DOMAIN,
      .hours = 12,
      .description = N_("Take part in technical conferences and forums and exchange ideas with "
                        "people in the industry to learn the latest trends and practical "
                        "experience."),
  },
  {
      .id = "open-source-frameworks",
      /* Translators: 使用开源框架和工具 */
      .title = N_("Use open-source frameworks and tools"),
      .kind = SKILL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 40,
      .description = N_("Use open-source frameworks and tools to put cross-domain technology to "
                        "use quickly, for example develop deep learning models with TensorFlow "
                        "or PyTorch."),
  },
  {
      .id = "intelligent-applications",
      /* Translators: 开发智能应用 */
      .title = N_("Develop intelligent applications"),
      .kind = PROJECT,
      .stage = FUSION,
      .domain = "ai",
      .hours = 60,
      .description = N_("Combine cross-domain knowledge with programming knowledge into "
                        "composite technical ability, for example combine programming with "
                        "artificial intelligence to develop intelligent applications."),
  },
  {
      .id = "real-projects",
      /* Translators: 应用于实际项目 */
      .title = N_("Apply your skills in real projects"),
      .kind = PROJECT,
      .stage = PRACTICE,
      .hours = 80,
      .description = N_("Apply composite technical ability in real projects to solve real "
                        "problems, for example artificial intelligence in natural language "
                        "processing or image recognition."),
  },
  {
      .id = "iterate-and-optimize",
      /* Translators: 不断迭代和优化项目 */
      .title = N_("Iterate on and optimize projects"),
      .kind = SKILL,
      .stage = PRACTICE,
      .hours = 40,
      .description = N_("Keep iterating on and optimizing projects to raise your technical level "
                        "and economic returns."),
  },

  /* ---- the application fields of section 3.4 ---- */
  {
      .id = "ai-applications",
      /* Translators: 人工智能应用 */
      .title = N_("AI applications"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "ai",
      .description = N_("Applying artificial intelligence to natural language processing, image "
                        "recognition, intelligent recommendation and more."),
  },
  {
      .id = "big-data-applications",
      /* Translators: 大数据应用 */
      .title = N_("Big data applications"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "data-science",
      .description = N_("Using big data technology for data analysis, prediction and "
                        "optimization."),
  },
  {
      .id = "blockchain-applications",
      /* Translators: 区块链应用 */
      .title = N_("Blockchain applications"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "blockchain",
      .description = N_("Developing blockchain applications, such as smart contracts and "
                        "decentralized applications."),
  },
  {
      .id = "iot-applications",
      /* Translators: 物联网应用 */
      .title = N_("IoT applications"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "iot",
      .description = N_("Developing smart devices and IoT solutions that make smart homes, "
                        "industrial automation and other scenarios more efficient and secure."),
  },
  {
      .id = "nlp",
      /* Translators: 自然语言处理 */
      .title = N_("Natural language processing"),
      .kind = SKILL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 40,
      .description = N_("A field artificial intelligence is applied to, where fine-tuning large "
                        "language models is becoming an important paradigm."),
  },
  {
      .id = "image-recognition",
      /* Translators: 图像识别项目 */
      .title = N_("Image recognition project"),
      .kind = PROJECT,
      .stage = PRACTICE,
      .domain = "ai",
      .hours = 40,
      .description = N_("Combine Python programming with deep learning in an image recognition "
                        "project, training and optimizing the model with TensorFlow and Python."),
  },
  {
      .id = "llm-fine-tuning",
      /* Translators: 大语言模型微调 */
      .title = N_("Fine-tuning large language models"),
      .kind = SKILL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 40,
      .description = N_("Fine-tune a pretrained language model on supervised data for a task. "
                        "Fine-tuning will become an important paradigm for putting artificial "
                        "intelligence to use."),
  },
  {
      .id = "parameter-efficient-fine-tuning",
      /* Translators: 参数高效微调 */
      .title = N_("Parameter-efficient fine-tuning"),
      .kind = SKILL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 20,
      .description = N_("Besides traditional full-parameter fine-tuning, parameter-efficient "
                        "methods such as Prefix-Tuning and LoRA save computing resources while "
                        "keeping fine-tuning accurate."),
  },

  /* ---- the practice scenarios of section 6 ---- */
  {
      .id = "intelligent-customer-service",
      /* Translators: 智能客服系统 */
      .title = N_("Intelligent customer service system"),
      .kind = PROJECT,
      .stage = PRACTICE,
      .domain = "ai",
      .hours = 60,
      .description = N_("Dialogue technology based on fine-tuned large language models builds "
                        "customer service that works around the clock, understands user intent "
                        "and replies with the best-matching answer template."),
  },
  {
      .id = "financial-sentiment",
      /* Translators: 金融舆情监测 */
      .title = N_("Financial public opinion monitoring"),
      .kind = PROJECT,
      .stage = PRACTICE,
      .domain = "ai",
      .hours = 50,
      .description = N_("Fine-tune a language model for topic classification and sentiment "
                        "analysis of financial news and comments, so the system follows "
                        "sentiment trends and warns when negative information surges."),
  },
  {
      .id = "personalized-recommendation",
      /* Translators: 个性化推荐系统 */
      .title = N_("Personalized recommendation system"),
      .kind = PROJECT,
      .stage = PRACTICE,
      .domain = "data-science",
      .hours = 60,
      .description = N_("Fine-tune a language model on the text of the items users interact "
                        "with, so recommendations grasp the meaning behind user behavior and "
                        "become more accurate and diverse."),
  },
  {
      .id = "future-applications",
      /* Translators: 未来应用展望 */
      .title = N_("Future applications"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "ai",
      .description = N_("As large language models and fine-tuning keep developing, the "
                        "fine-tuning paradigm will reach more fields and transform traditional "
                        "industries."),
  },
  {
      .id = "smart-healthcare",
      /* Translators: 智慧医疗 */
      .title = N_("Smart healthcare"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "ai",
      .description = N_("Fine-tuned medical question answering, medical record analysis and drug "
                        "discovery will make medical services more intelligent, assist doctors "
                        "and speed up the development of new drugs."),
  },
  {
      .id = "smart-education",
      /* Translators: 智能教育 */
      .title = N_("Smart education"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "ai",
      .description = N_("Fine-tuning can grade homework, analyze learning and recommend "
                        "knowledge, teaching students according to their aptitude, promoting "
                        "fairness in education and improving teaching quality."),
  },
  {
      .id = "smart-city",
      /* Translators: 智慧城市治理 */
      .title = N_("Smart city governance"),
      .kind = CONCEPT,
      .stage = PRACTICE,
      .domain = "ai",
      .description = N_("Fine-tuned models can monitor city events, analyze public opinion and "
                        "support emergency command, making city management more automated and "
                        "intelligent."),
  },

  /* ---- the learning resources of section 7.1 ---- */
  {
      .id = "cs224n",
      /* Translators: the course's name, CS224N《深度学习自然语言处理》课程 in the seed */
      .title = N_("CS224N: Natural Language Processing with Deep Learning"),
      .kind = RESOURCE,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 80,
      .description = N_("Stanford's popular NLP course, with lecture videos and assignments, that "
                        "introduces the basic concepts and classic models of NLP."),
      .links = { "https://web.stanford.edu/class/cs224n/" },
  },
  {
      .id = "nlp-with-transformers",
      /* Translators: a book's title; the seed: 《…》书籍 */
      .title = N_("Natural Language Processing with Transformers"),
      .kind = RESOURCE,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 30,
      .description = N_("A book by the authors of the Transformers library on developing NLP "
                        "tasks with it, covering fine-tuning and many other paradigms."),
      .links = { "https://github.com/nlp-with-transformers/notebooks" },
  },
  {
      .id = "clue",
      /* Translators: CLUE开源项目 */
      .title = N_("CLUE benchmark"),
      .kind = RESOURCE,
      .stage = CROSS_DOMAIN,
      .domain = "ai",
      .hours = 10,
      .description = N_("The Chinese Language Understanding Evaluation benchmark: many kinds of "
                        "Chinese NLP datasets, with baseline models based on fine-tuning."),
      .links = { "https://github.com/CLUEbenchmark/CLUE" },
  },
  {
      .id = "huggingface-docs",
      /* Translators: HuggingFace官方文档 */
      .title = N_("Hugging Face documentation"),
      .kind = RESOURCE,
      .stage = FUSION,
      .domain = "ai",
      .hours = 10,
      .description = N_("The official documentation of the Transformers library, with a wealth "
                        "of pretrained models and complete fine-tuning examples: essential for "
                        "getting started."),
      .links = { "https://huggingface.co/docs/transformers" },
  },

  /* ---- the development tools of section 7.2 ---- */
  {
      .id = "pytorch",
      /* Translators: a product name */
      .title = N_("PyTorch"),
      .kind = TOOL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 30,
      .description = N_("An open-source deep learning framework based on Python, with flexible "
                        "dynamic computation graphs suited to fast research iterations. Most "
                        "pretrained language models have a PyTorch implementation."),
      .links = { "https://pytorch.org" },
  },
  {
      .id = "tensorflow",
      /* Translators: a product name */
      .title = N_("TensorFlow"),
      .kind = TOOL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 30,
      .description = N_("An open-source deep learning framework led by Google, easy to deploy in "
                        "production and suited to large-scale engineering, also with many "
                        "pretrained language models."),
      .links = { "https://www.tensorflow.org" },
  },
  {
      .id = "transformers-library",
      /* Translators: Transformers库 */
      .title = N_("Transformers library"),
      .kind = TOOL,
      .stage = FUSION,
      .domain = "ai",
      .hours = 20,
      .description = N_("Hugging Face's NLP library of many state-of-the-art language models, "
                        "for PyTorch and TensorFlow: the tool of choice for fine-tuning."),
      .links = { "https://github.com/huggingface/transformers",
                 "https://huggingface.co/docs/transformers" },
  },
  {
      .id = "wandb",
      /* Translators: a product name */
      .title = N_("Weights & Biases"),
      .kind = TOOL,
      .stage = PRACTICE,
      .domain = "ai",
      .hours = 4,
      .description = N_("An experiment tracking tool that records and visualizes the metrics of "
                        "training for easy comparison and tuning, integrated with the major deep "
                        "learning frameworks."),
      .links = { "https://wandb.ai" },
  },
  {
      .id = "tensorboard",
      /* Translators: a product name */
      .title = N_("TensorBoard"),
      .kind = TOOL,
      .stage = PRACTICE,
      .domain = "ai",
      .hours = 3,
      .description = N_("TensorFlow's visualization tool: it monitors training in real time with "
                        "rich charts, a great help for debugging models."),
      .links = { "https://www.tensorflow.org/tensorboard" },
  },
  {
      .id = "google-colab",
      /* Translators: a product name */
      .title = N_("Google Colab"),
      .kind = TOOL,
      .stage = CROSS_DOMAIN,
      .domain = "ai",
      .hours = 2,
      .description = N_("Google's online Jupyter Notebook environment with free GPU and TPU "
                        "computing power, for trying the latest models quickly and sharing "
                        "notes."),
      .links = { "https://colab.research.google.com" },
  },

  /* ---- the papers of section 7.3 ---- */
  {
      .id = "attention-is-all-you-need",
      /* Translators: a paper's title; the seed: …（即Transformer原论文） */
      .title = N_("Attention Is All You Need"),
      .kind = PAPER,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 4,
      .description = N_("The original Transformer paper: it proposed the Transformer "
                        "architecture and opened the era of large pretrained models in NLP."),
      .links = { "https://arxiv.org/abs/1706.03762" },
  },
  {
      .id = "bert",
      /* Translators: a paper's title, kept in English */
      .title = N_("BERT: Pre-training of Deep Bidirectional Transformers for Language "
                  "Understanding"),
      .kind = PAPER,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 4,
      .description = N_("Proposed the BERT model with a self-supervised pretraining task based "
                        "on masking, setting new state-of-the-art results on many NLP tasks."),
      .links = { "https://arxiv.org/abs/1810.04805" },
  },
  {
      .id = "gpt-2",
      /* Translators: a paper's title; the seed: …（GPT-2论文） */
      .title = N_("Language Models are Unsupervised Multitask Learners"),
      .kind = PAPER,
      .stage = FOUNDATIONS,
      .domain = "ai",
      .hours = 4,
      .description = N_("The GPT-2 paper: it showed the strong zero-shot learning ability of "
                        "large language models and started new thinking about general artificial "
                        "intelligence."),
      .links = { "https://cdn.openai.com/better-language-models/"
                 "language_models_are_unsupervised_multitask_learners.pdf" },
  },
  {
      .id = "adapters",
      /* Translators: a paper's title, kept in English */
      .title = N_("Parameter-Efficient Transfer Learning for NLP"),
      .kind = PAPER,
      .stage = FUSION,
      .domain = "ai",
      .hours = 3,
      .description = N_("Proposed Adapters and other parameter-efficient fine-tuning methods, "
                        "which fine-tune well without adding to the model's parameters."),
      .links = { "https://arxiv.org/abs/1902.00751" },
  },
  {
      .id = "prefix-tuning",
      /* Translators: a paper's title, kept in English */
      .title = N_("Prefix-Tuning: Optimizing Continuous Prompts for Generation"),
      .kind = PAPER,
      .stage = FUSION,
      .domain = "ai",
      .hours = 3,
      .description = N_("Introduced fine-tuning with continuous prompts, a new way to make full "
                        "use of pretrained knowledge."),
      .links = { "https://arxiv.org/abs/2101.00190" },
  },
  {
      .id = "adalora",
      /* Translators: a paper's title, kept in English */
      .title = N_("AdaLoRA: Adaptive Budget Allocation for Parameter-Efficient Fine-Tuning"),
      .kind = PAPER,
      .stage = FUSION,
      .domain = "ai",
      .hours = 3,
      .description = N_("Fine-tuning by adaptive low-rank adaptation, striking a new balance "
                        "between parameter efficiency and accuracy."),
      .links = { "https://arxiv.org/abs/2303.10512" },
  },

  /* ---- the challenges of section 8.3 ---- */
  {
      .id = "annotation-cost",
      /* Translators: 标注成本瓶颈 */
      .title = N_("Annotation cost bottleneck"),
      .kind = CONCEPT,
      .description = N_("For long-tail scenarios, enough high-quality labeled data is hard to "
                        "obtain, which limits how well fine-tuning performs."),
  },
  {
      .id = "robustness",
      /* Translators: 模型鲁棒性不足 */
      .title = N_("Insufficient model robustness"),
      .kind = CONCEPT,
      .description = N_("Fine-tuned models often generalize much worse on out-of-domain data, "
                        "and small perturbations of test samples easily sway their "
                        "predictions."),
  },
  {
      .id = "inference-efficiency",
      /* Translators: 推理效率有待提高 */
      .title = N_("Inference efficiency needs improving"),
      .kind = CONCEPT,
      .description = N_("Large language models are accurate, but when deployed they often infer "
                        "slowly and take up much memory."),
  },
  {
      .id = "interpretability",
      /* Translators: 可解释性亟需加强 */
      .title = N_("Interpretability needs strengthening"),
      .kind = CONCEPT,
      .description = N_("Fine-tuned models are black boxes whose decisions are hard to explain; "
                        "for high-risk uses such as medicine and finance, interpretability and "
                        "auditability matter most."),
  },
  {
      .id = "safety",
      /* Translators: 安全性有待保障 */
      .title = N_("Safety needs ensuring"),
      .kind = CONCEPT,
      .description = N_("Pretrained models can learn biased and harmful information that "
                        "fine-tuning passes on to downstream tasks, giving misleading or "
                        "discriminatory output."),
  },
  {
      .id = "knowledge-integration",
      /* Translators: 知识整合能力不足 */
      .title = N_("Limited knowledge integration"),
      .kind = CONCEPT,
      .description = N_("Fine-tuned models are often confined to the task's data and find it "
                        "hard to absorb and use wider prior knowledge flexibly."),
  },
};

/* Translators: an edge label of the default roadmap, 掌握 in the seed */
#define MASTER N_("master")

static const EdgeSpec edges[] = {
  /* 2.1, with 2.2's 跨界知识融合 -结合-> 技术栈融合 merged into its A --> C */
  { "cross-domain-knowledge", "knowledge-monetization", PREREQUISITE, NULL },
  /* Translators: an edge label of the default roadmap, 结合 in the seed */
  { "cross-domain-knowledge", "tech-stack-fusion", PREREQUISITE, N_("combine") },
  { "tech-stack-fusion", "programming", PREREQUISITE, NULL },
  { "tech-stack-fusion", "ai", PREREQUISITE, NULL },
  { "tech-stack-fusion", "data-science", PREREQUISITE, NULL },
  { "tech-stack-fusion", "blockchain", PREREQUISITE, NULL },
  { "tech-stack-fusion", "iot", PREREQUISITE, NULL },
  /* 2.2 */
  { "programming", "ai", PREREQUISITE, MASTER },
  { "programming", "data-science", PREREQUISITE, MASTER },
  { "programming", "blockchain", PREREQUISITE, MASTER },
  { "programming", "iot", PREREQUISITE, MASTER },
  /* Translators: an edge label of the default roadmap, 实现 in the seed */
  { "tech-stack-fusion", "project-application", PREREQUISITE, N_("implement") },
  /* Translators: an edge label of the default roadmap, 变现 in the seed */
  { "project-application", "economic-returns", PREREQUISITE, N_("monetize") },

  /* 3.1 and 3.2: stage after stage */
  { "programming", "programming-fundamentals", PREREQUISITE, NULL },
  { "programming-fundamentals", "choose-field", PREREQUISITE, NULL },
  { "choose-field", "read-and-study", PREREQUISITE, NULL },
  { "choose-field", "training-and-talks", PREREQUISITE, NULL },
  { "read-and-study", "open-source-and-cloud", PREREQUISITE, NULL },
  { "training-and-talks", "conferences-and-forums", PREREQUISITE, NULL },
  { "open-source-and-cloud", "open-source-frameworks", PREREQUISITE, NULL },
  { "open-source-frameworks", "intelligent-applications", PREREQUISITE, NULL },
  { "conferences-and-forums", "intelligent-applications", PREREQUISITE, NULL },
  { "intelligent-applications", "real-projects", PREREQUISITE, NULL },
  { "real-projects", "iterate-and-optimize", PREREQUISITE, NULL },

  /* 3.4: each domain's application field */
  { "ai", "ai-applications", PREREQUISITE, NULL },
  { "data-science", "big-data-applications", PREREQUISITE, NULL },
  { "blockchain", "blockchain-applications", PREREQUISITE, NULL },
  { "iot", "iot-applications", PREREQUISITE, NULL },
  { "ai-applications", "nlp", PREREQUISITE, NULL },
  { "ai-applications", "image-recognition", PREREQUISITE, NULL },
  { "nlp", "llm-fine-tuning", PREREQUISITE, NULL },
  { "llm-fine-tuning", "parameter-efficient-fine-tuning", PREREQUISITE, NULL },

  /* 6: the scenarios fine-tuning serves */
  { "llm-fine-tuning", "intelligent-customer-service", PREREQUISITE, NULL },
  { "llm-fine-tuning", "financial-sentiment", PREREQUISITE, NULL },
  { "llm-fine-tuning", "personalized-recommendation", PREREQUISITE, NULL },
  { "big-data-applications", "personalized-recommendation", RELATES_TO, NULL },
  { "llm-fine-tuning", "future-applications", RELATES_TO, NULL },
  { "future-applications", "smart-healthcare", RELATES_TO, NULL },
  { "future-applications", "smart-education", RELATES_TO, NULL },
  { "future-applications", "smart-city", RELATES_TO, NULL },

  /* 7: resources, tools and papers under the step they serve */
  { "read-and-study", "cs224n", RELATES_TO, NULL },
  { "read-and-study", "nlp-with-transformers", RELATES_TO, NULL },
  { "read-and-study", "attention-is-all-you-need", RELATES_TO, NULL },
  { "attention-is-all-you-need", "bert", PREREQUISITE, NULL },
  { "attention-is-all-you-need", "gpt-2", PREREQUISITE, NULL },
  { "open-source-and-cloud", "clue", RELATES_TO, NULL },
  { "open-source-and-cloud", "google-colab", RELATES_TO, NULL },
  { "open-source-frameworks", "pytorch", RELATES_TO, NULL },
  { "open-source-frameworks", "tensorflow", RELATES_TO, NULL },
  { "open-source-frameworks", "transformers-library", RELATES_TO, NULL },
  { "transformers-library", "huggingface-docs", RELATES_TO, NULL },
  { "iterate-and-optimize", "wandb", RELATES_TO, NULL },
  { "iterate-and-optimize", "tensorboard", RELATES_TO, NULL },
  { "parameter-efficient-fine-tuning", "adapters", RELATES_TO, NULL },
  { "parameter-efficient-fine-tuning", "prefix-tuning", RELATES_TO, NULL },
  { "parameter-efficient-fine-tuning", "adalora", RELATES_TO, NULL },

  /* 8.3: each challenge next to what it concerns */
  { "llm-fine-tuning", "annotation-cost", RELATES_TO, NULL },
  { "llm-fine-tuning", "robustness", RELATES_TO, NULL },
  { "llm-fine-tuning", "knowledge-integration", RELATES_TO, NULL },
  { "iterate-and-optimize", "inference-efficiency", RELATES_TO, NULL },
  { "financial-sentiment", "interpretability", RELATES_TO, NULL },
  { "real-projects", "safety", RELATES_TO, NULL },
};

static KjRoadmapNode *
build_node(const NodeSpec *spec)
{
  KjRoadmapNode *node = kj_roadmap_node_new(spec->id);
  const char *title = spec->context != NULL
                          ? g_dpgettext2(GETTEXT_PACKAGE, spec->context, spec->title)
                          : _(spec->title);

  kj_roadmap_node_set_title(node, title);
  kj_roadmap_node_set_kind(node, spec->kind);
  kj_roadmap_node_set_stage(node, spec->stage);
  kj_roadmap_node_set_description(node, _(spec->description));
  kj_roadmap_node_set_links(node, spec->links);
  kj_roadmap_node_set_estimated_hours(node, spec->hours);
  if (spec->domain != NULL)
    kj_roadmap_node_set_domain(node, spec->domain);
  return node;
}

KjRoadmap *
kj_roadmap_new_default(void)
{
  KjRoadmap *roadmap = kj_roadmap_new();

  kj_roadmap_set_title(roadmap, _("Cross-Domain Learning Roadmap"));
  kj_roadmap_set_direction(roadmap, KJ_ROADMAP_DIRECTION_TB);

  /* The tables are fixed, so a failure is a bug that the tests catch. */
  for (gsize i = 0; i < G_N_ELEMENTS(nodes); i++) {
    g_autoptr(KjRoadmapNode) node = build_node(&nodes[i]);
    g_autoptr(GError) error = NULL;

    if (!kj_roadmap_add_node(roadmap, node, &error))
      g_critical("Default roadmap, node %s: %s", nodes[i].id, error->message);
  }
  for (gsize i = 0; i < G_N_ELEMENTS(edges); i++) {
    const EdgeSpec *spec = &edges[i];
    g_autoptr(GError) error = NULL;

    if (kj_roadmap_connect(roadmap, spec->from, spec->to, spec->kind,
                           spec->label != NULL ? _(spec->label) : NULL, &error) == NULL)
      g_critical("Default roadmap, edge %s → %s: %s", spec->from, spec->to, error->message);
  }

  /* A fresh roadmap: nothing to undo, nothing to save. */
  kj_roadmap_clear_history(roadmap);
  kj_roadmap_set_modified(roadmap, FALSE);
  return roadmap;
}
