"""Demo content for the reference library: the topic tree, the audiences and the starter articles.

Plain data only, loaded by ``home.demo``. Every text here was written for this portal.
Body blocks are ``(block_type, value)`` pairs matching ``portal.blocks.BodyBlock``.
"""

TOPICS = [
    {
        "name": "Knowledge strategy",
        "slug": "knowledge-strategy",
        "description": (
            "How the organisation decides which knowledge matters most and how it will be managed, funded and governed."
        ),
        "children": [
            {
                "name": "Communities of practice",
                "slug": "communities-of-practice",
                "description": (
                    "Groups of practitioners who share a concern and learn together by solving real problems over time."
                ),
                "children": [
                    {
                        "name": "Facilitation",
                        "slug": "facilitation",
                        "description": (
                            "Techniques for guiding conversations, meetings and online spaces so that everyone can "
                            "contribute and learning is captured."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Community moderation",
                        "slug": "community-moderation",
                        "description": (
                            "Keeping community discussions constructive, on topic and safe without discouraging honest "
                            "debate."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Community health",
                        "slug": "community-health",
                        "description": (
                            "Signs that a community is thriving or stalling, and what facilitators and sponsors can do "
                            "about it."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "KM governance",
                "slug": "km-governance",
                "description": (
                    "The roles, decision forums and rules that keep a knowledge management programme accountable and "
                    "sustainable."
                ),
                "children": [
                    {
                        "name": "Roles and responsibilities",
                        "slug": "km-roles",
                        "description": (
                            "Who sponsors, leads, champions, facilitates and owns knowledge work, and how much time "
                            "each role needs."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Policies and standards",
                        "slug": "km-policies",
                        "description": (
                            "Proportionate rules and minimum expectations for capturing, sharing, reviewing and "
                            "retiring knowledge."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Business case and metrics",
                "slug": "business-case-and-metrics",
                "description": "Making the case for knowledge management and showing the value it delivers.",
                "children": [
                    {
                        "name": "Measuring KM",
                        "slug": "measuring-km",
                        "description": (
                            "Activity, quality and outcome measures that show whether knowledge work is making a "
                            "difference."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Knowledge audits",
                "slug": "knowledge-audits",
                "description": (
                    "Structured reviews of what the organisation knows, where that knowledge sits and where it fails "
                    "to flow."
                ),
                "children": [],
            },
        ],
    },
    {
        "name": "Learning from experience",
        "slug": "learning-from-experience",
        "description": (
            "Methods for learning before, during and after work so that teams repeat successes and avoid repeating "
            "mistakes."
        ),
        "children": [
            {
                "name": "After-action reviews",
                "slug": "after-action-reviews",
                "description": (
                    "Short, blame-free team conversations held straight after an event to capture what to keep and "
                    "what to change."
                ),
                "children": [],
            },
            {
                "name": "Peer assists",
                "slug": "peer-assists",
                "description": (
                    "Sessions in which colleagues with relevant experience help a team before it commits to a plan."
                ),
                "children": [],
            },
            {
                "name": "Lessons learned",
                "slug": "lessons-learned",
                "description": (
                    "Recording, validating and acting on lessons so that they change procedures, templates and "
                    "behaviour."
                ),
                "children": [
                    {
                        "name": "Lessons-learned registers",
                        "slug": "lessons-learned-registers",
                        "description": (
                            "Designing and running lesson registers that project teams consult and that lead to real "
                            "change."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Project retrospectives",
                        "slug": "project-retrospectives",
                        "description": (
                            "Longer reviews at the end of a project or phase that look across the whole piece of work."
                        ),
                        "children": [],
                    },
                ],
            },
        ],
    },
    {
        "name": "Finding knowledge",
        "slug": "finding-knowledge",
        "description": "Helping people find the right content and the right colleague quickly.",
        "children": [
            {
                "name": "Taxonomy and metadata",
                "slug": "taxonomy-and-metadata",
                "description": (
                    "The shared vocabulary and descriptive data that make content easier to organise, browse and "
                    "search."
                ),
                "children": [
                    {
                        "name": "Taxonomy design",
                        "slug": "taxonomy-design",
                        "description": (
                            "Building and testing a topic structure that reflects the language people use at work."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Tagging practice",
                        "slug": "tagging-practice",
                        "description": (
                            "Everyday guidance for authors on choosing topics, audiences and free tags consistently."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Enterprise search",
                "slug": "enterprise-search",
                "description": (
                    "Making the organisation's search tools return useful results, and improving them using search "
                    "data."
                ),
                "children": [
                    {
                        "name": "Search tips",
                        "slug": "search-tips",
                        "description": "Simple techniques anyone can use to get better results from the portal search.",
                        "children": [],
                    },
                ],
            },
            {
                "name": "Expertise location",
                "slug": "expertise-location",
                "description": (
                    "Finding colleagues with the experience you need, and making your own expertise visible to others."
                ),
                "children": [],
            },
        ],
    },
    {
        "name": "Knowledge content",
        "slug": "knowledge-content",
        "description": "Creating, curating and maintaining the written and recorded knowledge that people rely on.",
        "children": [
            {
                "name": "Content curation",
                "slug": "content-curation",
                "description": (
                    "Selecting, shaping and organising the most useful material so that readers do not have to sift "
                    "through everything."
                ),
                "children": [
                    {
                        "name": "Reference material",
                        "slug": "reference-material",
                        "description": (
                            "Approved, owned guidance that turns experience and discussion into a dependable source of "
                            "answers."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Content lifecycle",
                "slug": "content-lifecycle",
                "description": "How knowledge content is planned, published, reviewed and eventually retired.",
                "children": [
                    {
                        "name": "Review and retirement",
                        "slug": "review-and-retirement",
                        "description": (
                            "Review dates, content owners and a clear process for updating or retiring material that "
                            "is out of date."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Storytelling",
                "slug": "storytelling",
                "description": "Using short, true work stories to pass on context, judgement and tacit knowledge.",
                "children": [],
            },
        ],
    },
    {
        "name": "People and retention",
        "slug": "people-and-retention",
        "description": (
            "Helping people gain knowledge quickly when they join and keeping it in the organisation when they move on."
        ),
        "children": [
            {
                "name": "Onboarding",
                "slug": "onboarding",
                "description": (
                    "Helping new starters find the knowledge, people and communities they need to become effective "
                    "sooner."
                ),
                "children": [
                    {
                        "name": "Buddy schemes",
                        "slug": "buddy-schemes",
                        "description": (
                            "Pairing new starters with an experienced peer for practical help and introductions in "
                            "their first weeks."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Knowledge retention",
                "slug": "knowledge-retention",
                "description": (
                    "Reducing the risk of losing critical knowledge when people retire, resign or change roles."
                ),
                "children": [
                    {
                        "name": "Knowledge capture from leavers",
                        "slug": "leaver-knowledge-capture",
                        "description": (
                            "Planning handovers and conversations that secure what departing colleagues know."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Critical knowledge and succession",
                        "slug": "critical-knowledge-succession",
                        "description": (
                            "Identifying knowledge at risk of loss and arranging for it to be shared before it is "
                            "needed."
                        ),
                        "children": [],
                    },
                ],
            },
        ],
    },
    {
        "name": "Programme delivery",
        "slug": "programme-delivery",
        "description": (
            "Planning, piloting and rolling out knowledge management approaches so that they become part of everyday "
            "work."
        ),
        "children": [
            {
                "name": "KM pilots",
                "slug": "km-pilots",
                "description": (
                    "Testing a knowledge management approach in one area, with agreed success criteria, before wider "
                    "roll-out."
                ),
                "children": [],
            },
            {
                "name": "Change management",
                "slug": "change-management",
                "description": "Helping people understand, adopt and keep using new knowledge practices.",
                "children": [
                    {
                        "name": "Communication plans",
                        "slug": "communication-plans",
                        "description": (
                            "Planning who hears what, from whom and when during a knowledge management roll-out."
                        ),
                        "children": [],
                    },
                    {
                        "name": "Adoption and engagement",
                        "slug": "adoption-and-engagement",
                        "description": (
                            "Turning launch interest into lasting habits through champions, quick wins and visible "
                            "leadership."
                        ),
                        "children": [],
                    },
                ],
            },
            {
                "name": "Collaboration tools",
                "slug": "collaboration-tools",
                "description": (
                    "Choosing and configuring platforms that support conversation, co-authoring and knowledge sharing."
                ),
                "children": [
                    {
                        "name": "Tool selection",
                        "slug": "tool-selection",
                        "description": (
                            "Defining requirements from real scenarios and evaluating collaboration tools with their "
                            "future users."
                        ),
                        "children": [],
                    },
                ],
            },
        ],
    },
]

AUDIENCES = [
    {
        "name": "Manager",
        "slug": "manager",
        "description": (
            "Line and senior managers who sponsor knowledge work, give their teams time for it and use its results in "
            "decisions."
        ),
    },
    {
        "name": "KM champion",
        "slug": "km-champion",
        "description": (
            "Part-time advocates in teams who encourage good knowledge practice, help colleagues and pass feedback to "
            "the programme."
        ),
    },
    {
        "name": "Community facilitator",
        "slug": "community-facilitator",
        "description": (
            "People who run communities of practice, plan their activities and keep discussions useful and welcoming."
        ),
    },
    {
        "name": "Local knowledge manager",
        "slug": "local-knowledge-manager",
        "description": (
            "Knowledge managers in a function or site who adapt the KM framework locally and look after content "
            "quality."
        ),
    },
    {
        "name": "Knowledge worker",
        "slug": "knowledge-worker",
        "description": (
            "Everyone whose work depends on finding, using and sharing knowledge, which is most people in the "
            "organisation."
        ),
    },
    {
        "name": "HR and learning staff",
        "slug": "hr-learning",
        "description": (
            "HR, learning and development colleagues who shape onboarding, development and the handling of leavers."
        ),
    },
]

ARTICLES = [
    {
        "slug": "running-an-after-action-review",
        "title": "Running an after-action review in under an hour",
        "summary": (
            "A step-by-step guide to holding a short, blame-free after-action review straight after an event, so the "
            "team captures what to repeat and what to change while memories are fresh."
        ),
        "topics": ["after-action-reviews", "facilitation"],
        "audiences": ["community-facilitator", "manager"],
        "stage": "rollout",
        "tags": ["aar", "facilitation", "lessons learned"],
        "author": "expert",
        "months_ago": 4,
        "body": [
            ("heading", {"text": "The four questions", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>An after-action review (AAR) is a structured conversation held as soon as possible after a "
                    "piece of work, a milestone or an incident. It works because it is short, local and owned by the "
                    "people who did the work. Build the session around four questions:</p><ol><li><strong>What did we "
                    "set out to do?</strong> Agree the intended outcome before discussing anything "
                    "else.</li><li><strong>What actually happened?</strong> Build a shared timeline of facts, not "
                    "opinions.</li><li><strong>Why was there a difference?</strong> Look for causes in the process, "
                    "not in people.</li><li><strong>What will we do differently next time?</strong> Turn each insight "
                    "into a specific action with an owner.</li></ol>"
                ),
            ),
            ("heading", {"text": "Running the session", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Hold the review within 48 hours, in person or on a video call, with everyone who took part. "
                    "Sixty minutes is enough for most events: ten minutes on intent, twenty on what happened, twenty "
                    "on causes and ten on actions. The facilitator should not be the team's manager; a neutral "
                    "colleague from another team helps people speak candidly.</p><p>Record the output on a single "
                    "page: the intent, three to five learning points and the agreed actions. Share it with the team "
                    "the same day and publish the learning points where the next team will look for them, such as the "
                    "lessons-learned register or the relevant community space.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Avoid the blame trap",
                    "text": (
                        "<p>If the first comment is about who got something wrong, reset the conversation. Remind the "
                        "group that the purpose is to improve the next piece of work, and ask what in the process made "
                        "the mistake likely.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "The review only became useful when we stopped treating it as a report and started treating it "
                        "as a conversation."
                    ),
                    "source": "Programme manager, infrastructure team",
                },
            ),
        ],
    },
    {
        "slug": "starting-a-community-of-practice",
        "title": "Starting a community of practice that lasts beyond launch",
        "summary": (
            "How to set up a community of practice around a real business need, recruit a core group and avoid the "
            "common reasons new communities fade after a few months."
        ),
        "topics": ["communities-of-practice"],
        "audiences": ["km-champion", "community-facilitator"],
        "stage": "pilot",
        "tags": ["communities", "checklist", "planning"],
        "author": "author",
        "months_ago": 14,
        "body": [
            (
                "paragraph",
                (
                    "<p>Most communities that fail do so because they were launched around a topic rather than a "
                    "problem. Before you create a space or send invitations, be clear about the shared challenge that "
                    "will bring practitioners together and what they will gain from belonging.</p>"
                ),
            ),
            ("heading", {"text": "Before launch", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Find a sponsor</strong> who cares about the outcome and will give members time to "
                    "take part.</li><li><strong>Recruit a core group</strong> of five to eight practitioners who will "
                    "post, answer and attend in the first three months.</li><li><strong>Interview ten potential "
                    "members</strong> about their current pain points and use their words in the community's purpose "
                    "statement.</li><li><strong>Agree a simple charter</strong>: purpose, who can join, how decisions "
                    "are made and what the community will produce.</li></ul>"
                ),
            ),
            ("heading", {"text": "The first ninety days", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Plan a rhythm of activity before you open the doors: a monthly call on a real problem, a "
                    "weekly prompt in the discussion space and one small shared output, such as a checklist, by the "
                    "end of the third month. Early members judge a community by whether their first question gets a "
                    "good answer quickly, so the core group should agree to watch for new questions and respond within "
                    "a working day.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Start smaller than you think",
                    "text": (
                        "<p>A lively community of thirty people is far more valuable than a silent one of three "
                        "hundred. Grow by word of mouth once the core group is producing useful exchanges.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "facilitating-a-peer-assist",
        "title": "Facilitating a peer assist before a project starts",
        "summary": (
            "A peer assist brings in colleagues who have done similar work to help a team before it commits to a plan. "
            "This guide covers preparation, running the session and following up."
        ),
        "topics": ["peer-assists", "facilitation"],
        "audiences": ["community-facilitator", "knowledge-worker"],
        "stage": "pilot",
        "tags": ["peer assist", "facilitation", "lessons learned", "expertise location"],
        "author": "expert",
        "months_ago": 7,
        "body": [
            ("heading", {"text": "When to use a peer assist", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Use a peer assist when a team is about to start something it has not done before but others in "
                    "the organisation have: opening a new office, running a first tender in a new market or migrating "
                    "a major system. The aim is learning before doing, so hold it early enough that the team can still "
                    "change its plan.</p>"
                ),
            ),
            ("heading", {"text": "Preparation", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li>Ask the host team to write a one-page brief: the objective, the constraints and the three "
                    "questions they most need help with.</li><li>Invite four to six peers from outside the team who "
                    "have relevant, recent experience. Use the people directory and community networks to find "
                    "them.</li><li>Circulate the brief a week ahead and ask the peers to bring examples rather than "
                    "presentations.</li></ol>"
                ),
            ),
            ("heading", {"text": "Running the session and following up", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Spend the first part on the host team's context and let the peers ask questions before they "
                    "offer any advice. Then ask the peers to share what worked and what they would do differently. "
                    "Close by letting the host team, not the peers, summarise the options they will take forward. "
                    "Within a week, send the peers a short note of what the team decided; it keeps them willing to "
                    "help next time.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Keep ownership with the host team",
                    "text": (
                        "<p>Peers offer experience; the host team makes the decisions. Say this at the start, so "
                        "visiting experts do not feel obliged to solve the problem and the hosts do not feel "
                        "judged.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "business-case-for-knowledge-sharing",
        "title": "Writing a knowledge-sharing business case managers will support",
        "summary": (
            "Managers fund what solves their problems. This guide shows how to link knowledge sharing to concrete "
            "operational costs and risks, and how to present a modest, testable proposal."
        ),
        "topics": ["business-case-and-metrics"],
        "audiences": ["manager", "km-champion"],
        "stage": "investigation",
        "tags": ["business case", "metrics", "planning"],
        "author": "editor",
        "months_ago": 18,
        "body": [
            (
                "paragraph",
                (
                    "<p>A business case for knowledge management rarely succeeds when it argues for knowledge sharing "
                    "in general. It succeeds when it names a specific problem that managers already feel, estimates "
                    "what that problem costs and proposes a small, measurable intervention.</p>"
                ),
            ),
            ("heading", {"text": "Start from the pain", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Gather evidence from interviews and existing data. Useful sources include time spent searching "
                    "for documents, repeated mistakes recorded in incident logs, long onboarding periods and work lost "
                    "when experienced staff leave. Pick the two or three problems with the clearest cost and the most "
                    "motivated owners.</p>"
                ),
            ),
            ("heading", {"text": "Structure of the case", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>The problem</strong>, in the language of the business: delays, rework, risk, "
                    "customer complaints.</li><li><strong>The proposal</strong>: a time-limited pilot, for example a "
                    "community of practice for one function, with named participants.</li><li><strong>The "
                    "cost</strong>: mostly people's time, which is easy to underestimate; include facilitation and "
                    "content work.</li><li><strong>The measures</strong>: two or three indicators you can collect "
                    "before and after.</li><li><strong>The decision point</strong>: what you will ask for if the pilot "
                    "succeeds.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Do not over-promise",
                    "text": (
                        "<p>Avoid headline savings based on assumed minutes saved per employee. Finance colleagues "
                        "will discount them, and they undermine your credibility later. A conservative estimate backed "
                        "by real examples is more persuasive.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "km-metrics-that-matter",
        "title": "Measuring knowledge management: metrics that matter",
        "summary": (
            "Activity counts are easy to collect but rarely convince anyone. This article sets out a balanced set of "
            "measures that link knowledge work to outcomes the organisation cares about."
        ),
        "topics": ["measuring-km"],
        "audiences": ["manager", "local-knowledge-manager"],
        "stage": "sustain",
        "tags": ["metrics", "governance", "storytelling"],
        "author": "expert",
        "months_ago": 3,
        "body": [
            ("heading", {"text": "Three levels of measure", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Use a mix of indicators at three levels and report them together, so that no single number is "
                    "over-interpreted:</p><ol><li><strong>Activity</strong>: page views, posts, members, reviews held. "
                    "Useful for spotting trends, but no proof of value.</li><li><strong>Knowledge flow and "
                    "quality</strong>: questions answered within two days, the proportion of reference articles "
                    "reviewed on time, lessons that led to a documented change.</li><li><strong>Outcomes</strong>: "
                    "shorter time to competence for new starters, fewer repeated incidents, faster bid preparation. "
                    "These need a baseline and a business owner.</li></ol>"
                ),
            ),
            ("heading", {"text": "Stories alongside numbers", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Collect short value stories every quarter: a specific case where reused knowledge saved time, "
                    "avoided a mistake or won work. Record who was involved, what was reused and an estimate of the "
                    "benefit agreed with the person who benefited. Three well-documented stories often do more for a "
                    "steering group than a dashboard.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Measure what you will act on",
                    "text": (
                        "<p>For every metric, write down which decision it informs. If nobody would change anything "
                        "when the number moves, stop collecting it.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Our steering group stopped asking about page views once we showed them how many bids reused "
                        "the same proposal sections."
                    ),
                    "source": "Head of knowledge management, professional services firm",
                },
            ),
        ],
    },
    {
        "slug": "conducting-a-knowledge-audit",
        "title": "Conducting a knowledge audit: a practical approach",
        "summary": (
            "A knowledge audit maps what the organisation knows, where that knowledge sits and how it flows. Here is a "
            "proportionate method that a small team can complete in about six weeks."
        ),
        "topics": ["knowledge-audits"],
        "audiences": ["local-knowledge-manager", "km-champion"],
        "stage": "investigation",
        "tags": ["knowledge audit", "interviews", "planning"],
        "author": "author",
        "months_ago": 22,
        "body": [
            (
                "paragraph",
                (
                    "<p>A knowledge audit is the foundation of a KM strategy. It should answer three questions: what "
                    "knowledge matters most to our objectives, where it currently lives, and where it is at risk or "
                    "failing to flow.</p>"
                ),
            ),
            ("heading", {"text": "A six-week method", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Weeks 1 to 2: scope.</strong> Agree with the sponsor which business processes are "
                    "in scope and which outcomes matter most.</li><li><strong>Weeks 2 to 4: gather.</strong> Run "
                    "interviews and short workshops with a cross-section of roles. Ask what people need to know to do "
                    "their job, where they find it and whom they ask.</li><li><strong>Weeks 3 to 5: map.</strong> "
                    "Build an inventory of knowledge assets, sources and key holders, and draw the main flows between "
                    "teams.</li><li><strong>Weeks 5 to 6: analyse and report.</strong> Identify gaps, bottlenecks, "
                    "single points of failure and duplicated effort, and rank them by business impact.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Ask about tacit knowledge",
                    "text": (
                        "<p>Much of the most valuable knowledge is not written down. Ask interviewees which colleagues "
                        "they turn to when a document does not help, and record those names as part of the map.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Present the findings as a short list of priorities with a recommended response for each, "
                    "rather than a long inventory. An audit is only useful if it leads to decisions, so book the "
                    "meeting with the sponsor before you start the fieldwork.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "designing-a-practical-taxonomy",
        "title": "Designing a taxonomy people will actually use",
        "summary": (
            "Practical guidance on building a topic taxonomy for a portal: start from users' language, keep it "
            "shallow, test it with real content and agree who may change it."
        ),
        "topics": ["taxonomy-design"],
        "audiences": ["local-knowledge-manager"],
        "stage": "investigation",
        "tags": ["taxonomy", "metadata", "findability"],
        "author": "expert",
        "months_ago": 9,
        "body": [
            ("heading", {"text": "Principles", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Use the words people use.</strong> Take terms from search logs, interviews and "
                    "existing content, not from the organisation chart.</li><li><strong>Keep it shallow.</strong> "
                    "Three levels are enough for most portals; deeper trees make tagging slow and "
                    "inconsistent.</li><li><strong>Make categories distinct.</strong> If two terms regularly cause "
                    "hesitation, merge them or write a scope note.</li><li><strong>Separate facets.</strong> Keep "
                    "topic, audience and content type as separate lists rather than mixing them in one tree.</li></ul>"
                ),
            ),
            ("heading", {"text": "Testing the draft", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Run a card-sorting exercise with fifteen to twenty users, then test the draft by tagging a "
                    "sample of fifty real documents. Note every document that does not fit and every term that is "
                    "never used. A tree test, in which users say where they would look for a given item, shows quickly "
                    "whether the labels make sense.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Beware of the miscellaneous bucket",
                    "text": (
                        "<p>A category called 'Other' or 'General' soon becomes the largest in the tree. If you need "
                        "one during testing, review everything in it and create proper terms before launch.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Finally, agree governance: who can propose a new term, who approves it, and how often the "
                    "taxonomy is reviewed. An annual review, informed by search data and author feedback, is usually "
                    "enough.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "capturing-knowledge-from-leavers",
        "title": "Capturing knowledge from people who are leaving",
        "summary": (
            "When an experienced colleague resigns or retires, the notice period is the last chance to secure what "
            "they know. This guide sets out a four-week plan for managers and HR."
        ),
        "topics": ["leaver-knowledge-capture", "knowledge-retention"],
        "audiences": ["manager", "hr-learning"],
        "stage": "rollout",
        "tags": ["retention", "handover", "interviews"],
        "author": "author",
        "months_ago": 5,
        "body": [
            ("heading", {"text": "Start on the day notice is given", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Knowledge capture is often left to the last week, when the leaver is busy finishing tasks and "
                    "saying goodbye. Begin as soon as notice is confirmed and treat it as part of the handover, not an "
                    "extra.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<ol><li><strong>Week 1:</strong> the manager and leaver list responsibilities, key contacts, "
                    "recurring deadlines and the decisions only the leaver currently makes. Mark each item critical, "
                    "important or routine.</li><li><strong>Week 2:</strong> for critical items, hold recorded "
                    "conversations with the successor present. Ask for examples: 'Tell me about the last time this "
                    "went wrong.'</li><li><strong>Week 3:</strong> the successor leads the work while the leaver "
                    "observes and corrects.</li><li><strong>Week 4:</strong> review the handover pack together, "
                    "publish anything useful to others and agree whether the leaver may be contacted after they "
                    "go.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Ask about people, not just processes",
                    "text": (
                        "<p>Often the most valuable thing a leaver passes on is their network: whom to call in another "
                        "department, which supplier contact actually gets things done. Arrange introductions before "
                        "the last day.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "The handover document told me what to do. The three coffees with my predecessor told me why."
                    ),
                    "source": "Operations analyst, finance shared services",
                },
            ),
        ],
    },
    {
        "slug": "onboarding-new-knowledge-workers",
        "title": "Onboarding knowledge workers: the first six weeks",
        "summary": (
            "A structured approach to helping new starters find the knowledge, people and communities they need, so "
            "they reach full contribution sooner and feel part of the organisation."
        ),
        "topics": ["onboarding"],
        "audiences": ["hr-learning", "manager"],
        "stage": "rollout",
        "tags": ["onboarding", "new starters", "communities"],
        "author": "editor",
        "months_ago": 11,
        "body": [
            (
                "paragraph",
                (
                    "<p>Induction programmes usually cover policies and systems well, but leave new starters to "
                    "discover for themselves where knowledge lives and whom to ask. A knowledge-focused onboarding "
                    "plan closes that gap.</p>"
                ),
            ),
            ("heading", {"text": "What to include", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>A curated starter list</strong> of ten to fifteen reference articles for the "
                    "role, chosen by an experienced colleague rather than pointing to the whole "
                    "library.</li><li><strong>Introductions to three to five people</strong> beyond the immediate "
                    "team, with a reason to talk to each.</li><li><strong>Membership of relevant communities</strong>, "
                    "with a personal welcome from the facilitator.</li><li><strong>A short search and portal "
                    "tour</strong> built around a real task from the new starter's first week.</li></ul>"
                ),
            ),
            ("heading", {"text": "Checking progress", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>At the end of weeks two and six, the manager should ask three questions: what did you need to "
                    "know that you could not find, who helped you most, and what would you add to the starter list? "
                    "Feed the answers back to the library editors and to HR.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "New starters are a resource",
                    "text": (
                        "<p>Fresh eyes spot outdated guidance and confusing jargon that long-serving staff no longer "
                        "notice. Invite new starters to flag anything unclear; it is one of the cheapest quality "
                        "checks available.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "facilitation-techniques-for-online-communities",
        "title": "Facilitation techniques for online communities",
        "summary": (
            "Practical techniques for keeping an online community active and useful: weekly rhythms, good prompts, "
            "drawing in quieter members and closing the loop on discussions."
        ),
        "topics": ["facilitation", "collaboration-tools"],
        "audiences": ["community-facilitator"],
        "stage": "sustain",
        "tags": ["facilitation", "online working", "moderation", "collaboration tools"],
        "author": "author",
        "months_ago": 2,
        "body": [
            ("heading", {"text": "Build a rhythm", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Online communities thrive on predictability. Members return when they know something useful "
                    "will be there. A simple weekly rhythm works well: a question or prompt on Monday, a round-up of "
                    "useful answers on Thursday, and a monthly live session on a topic members have voted for.</p>"
                ),
            ),
            ("heading", {"text": "Write prompts that invite answers", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Questions about experience get more replies than requests for opinions. Compare 'What do "
                    "people think about supplier reviews?' with 'What is one question you always ask in a supplier "
                    "review, and why?'. The second is specific, easy to answer and produces reusable tips.</p>"
                ),
            ),
            ("heading", {"text": "Draw in quieter members", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Thank first-time posters publicly and tell them how their contribution "
                    "helped.</li><li>Message members privately to ask for their view on a question you know they can "
                    "answer.</li><li>Use polls and reactions as low-effort ways to take part.</li><li>In live "
                    "sessions, use the chat and breakout rooms so that not everyone has to speak to the whole "
                    "group.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Close the loop",
                    "text": (
                        "<p>When a discussion reaches a useful conclusion, post a short summary and mark the thread as "
                        "answered. It shows that the community produces results and makes the answer easier to find "
                        "later.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "moderating-community-discussions",
        "title": "Moderating community discussions fairly and lightly",
        "summary": (
            "Guidance for facilitators and moderators on keeping discussions constructive, handling disagreement and "
            "off-topic posts, and knowing when to step in."
        ),
        "topics": ["community-moderation"],
        "audiences": ["community-facilitator"],
        "stage": "sustain",
        "tags": ["moderation", "communities", "online working"],
        "author": "editor",
        "months_ago": 6,
        "body": [
            (
                "paragraph",
                (
                    "<p>Good moderation is mostly invisible. Members should feel that the space is safe and well kept, "
                    "not policed. Aim to model the behaviour you want, intervene early and gently, and escalate only "
                    "when necessary.</p>"
                ),
            ),
            ("heading", {"text": "A graduated approach", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Nudge:</strong> reply in the thread to redirect, for example by asking a "
                    "clarifying question or pointing to the community guidelines.</li><li><strong>Private "
                    "word:</strong> message the member directly if a post is unhelpful or sharp in tone. Most people "
                    "respond well to a friendly note.</li><li><strong>Edit or move:</strong> move off-topic posts to "
                    "the right space and explain why, or remove personal or confidential "
                    "information.</li><li><strong>Remove and escalate:</strong> for abusive, discriminatory or clearly "
                    "confidential content, remove it and follow the formal reporting route.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Disagreement is not misconduct",
                    "text": (
                        "<p>Robust professional debate is a sign of a healthy community. Step in when the discussion "
                        "turns personal, not when people disagree about practice.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Keep a simple moderation log recording what you did and why. It helps you act consistently, "
                    "and it supports colleagues who share the moderator role or cover for you during leave.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "curating-community-content-into-reference-material",
        "title": "Turning community discussions into reference material",
        "summary": (
            "Valuable answers get lost in discussion threads. This guide explains how facilitators and editors can "
            "spot recurring questions and turn the best answers into approved reference articles."
        ),
        "topics": ["content-curation", "reference-material", "communities-of-practice"],
        "audiences": ["community-facilitator", "local-knowledge-manager"],
        "stage": "sustain",
        "tags": ["curation", "communities", "reference material", "writing"],
        "author": "editor",
        "months_ago": 8,
        "body": [
            ("heading", {"text": "Spotting candidates", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Review the community's discussions each month and look for three signals: the same question "
                    "asked more than twice, a thread with a long and detailed answer, and a thread that members keep "
                    "linking to. Each is a candidate for a reference article.</p>"
                ),
            ),
            ("heading", {"text": "From thread to article", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li>Ask the original contributors whether they are happy for their answers to be reused, and "
                    "offer them credit.</li><li>Draft the article around the question, not the conversation: state the "
                    "problem, the recommended approach and the exceptions.</li><li>Ask a subject expert to check the "
                    "draft for accuracy and currency.</li><li>Publish it with topic and audience tags, set a review "
                    "date and name an owner.</li><li>Go back to the original thread and link to the new article, so "
                    "that future readers find the approved version.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Keep the voices",
                    "text": (
                        "<p>Short quotations from practitioners make guidance more credible and readable. Include one "
                        "or two, with permission, alongside the formal steps.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Half of our library started life as a question someone was brave enough to ask in the "
                        "community."
                    ),
                    "source": "Library editor, engineering function",
                },
            ),
        ],
    },
    {
        "slug": "keeping-reference-material-current",
        "title": "Keeping reference material current: owners, reviews and retirement",
        "summary": (
            "Out-of-date guidance erodes trust in the whole library. This article explains how ownership, review dates "
            "and a clear retirement process keep reference material accurate."
        ),
        "topics": ["review-and-retirement", "reference-material"],
        "audiences": ["local-knowledge-manager", "knowledge-worker"],
        "stage": "sustain",
        "tags": ["content review", "curation", "reference material"],
        "author": "editor",
        "months_ago": 1,
        "body": [
            (
                "paragraph",
                (
                    "<p>Every article in the library should have a named owner and a review date. The owner is not "
                    "necessarily the author; it is the person who will notice when the guidance stops being true.</p>"
                ),
            ),
            ("heading", {"text": "The review routine", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Set review periods by risk.</strong> Twelve months suits most guidance; "
                    "policy-related or fast-changing material may need six.</li><li><strong>Make reviews "
                    "quick.</strong> A review can end in 'still correct', a light edit or a recommendation to retire. "
                    "Most take minutes.</li><li><strong>Send reminders in advance.</strong> Notify owners a month "
                    "before the due date and again when it passes.</li><li><strong>Report overdue items</strong> to "
                    "the relevant community or local knowledge manager, not just to the owner.</li></ul>"
                ),
            ),
            ("heading", {"text": "Retiring content", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Retire articles that are superseded, unused for a long period or no longer accurate. Redirect "
                    "the old address to its replacement where there is one, and archive rather than delete, so that "
                    "the history remains available for audit.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Ownerless content",
                    "text": (
                        "<p>When an owner leaves or changes role, their articles should be reassigned as part of the "
                        "handover. Check for ownerless content every quarter.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "finding-the-right-expert",
        "title": "Finding the right expert quickly",
        "summary": (
            "How to locate colleagues with the experience you need using profiles, communities and your own network, "
            "and how to make a request that busy experts are happy to answer."
        ),
        "topics": ["expertise-location"],
        "audiences": ["knowledge-worker"],
        "stage": "rollout",
        "tags": ["expertise location", "networking", "search"],
        "author": "author",
        "months_ago": 10,
        "body": [
            ("heading", {"text": "Where to look", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Search the people directory</strong> for skills and past projects, not just job "
                    "titles. Titles rarely reveal what someone actually knows.</li><li><strong>Search the "
                    "communities</strong> for people who have answered similar questions. A good past answer is strong "
                    "evidence of relevant expertise.</li><li><strong>Check the authors and owners</strong> of relevant "
                    "reference articles.</li><li><strong>Ask a community facilitator</strong>, who usually knows who "
                    "is active on a topic.</li></ol>"
                ),
            ),
            ("heading", {"text": "Making the request", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Experts receive many requests, so make yours easy to accept. Explain briefly who you are, what "
                    "you are working on, what you have already tried and what you need: a fifteen-minute call, a "
                    "document or a pointer to someone else. Offer to share what you learn.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Keep your own profile current",
                    "text": (
                        "<p>Expertise location only works if people describe what they know. Spend ten minutes adding "
                        "recent projects, languages and specialist skills to your profile, and review it every six "
                        "months.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Asking in the community found me the right person in an hour. The directory alone would have "
                        "given me a dozen job titles."
                    ),
                    "source": "Bid coordinator, public sector team",
                },
            ),
        ],
    },
    {
        "slug": "search-tips-for-the-portal",
        "title": "Search tips: finding what you need in the portal",
        "summary": (
            "Simple techniques for better search results: choosing keywords, using the topic, audience and stage "
            "filters, and what to do when search does not find what you expect."
        ),
        "topics": ["search-tips"],
        "audiences": ["knowledge-worker"],
        "stage": "rollout",
        "tags": ["search", "findability", "new starters"],
        "author": "editor",
        "months_ago": 2,
        "body": [
            (
                "paragraph",
                (
                    "<p>Most searches fail because the query is either too vague or too specific. A few habits make a "
                    "big difference.</p>"
                ),
            ),
            ("heading", {"text": "Better queries", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Start with two or three distinctive words</strong>, such as 'supplier onboarding "
                    "checklist', rather than a full sentence.</li><li><strong>Try the term your colleagues "
                    "use</strong> as well as the official one; many articles mention both.</li><li><strong>Use filters "
                    "after searching.</strong> Narrow by topic, audience or KM stage instead of adding more "
                    "words.</li><li><strong>Read the summary</strong> in the results list before opening an article; "
                    "it tells you whether the article answers your question.</li></ul>"
                ),
            ),
            ("heading", {"text": "When search lets you down", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>If you cannot find something you know exists, browse the relevant topic page, which lists "
                    "everything tagged with that topic and its subtopics. If it is still missing, ask in the most "
                    "relevant community; someone will often point you to it, and the editors will learn which terms to "
                    "add.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Tell us what failed",
                    "text": (
                        "<p>Use the feedback link on the results page to report searches that returned nothing useful. "
                        "Editors review these reports every month and use them to improve titles, summaries and "
                        "synonyms.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "using-stories-to-share-knowledge",
        "title": "Using stories to share knowledge",
        "summary": (
            "Stories carry context, judgement and emotion that procedures leave out. This guide shows how to collect, "
            "shape and share short work stories that help others learn."
        ),
        "topics": ["storytelling"],
        "audiences": ["km-champion", "manager"],
        "stage": "pilot",
        "tags": ["storytelling", "tacit knowledge", "communication"],
        "author": "expert",
        "months_ago": 10,
        "body": [
            ("heading", {"text": "Why stories work", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>A checklist tells people what to do; a story shows them why it matters and what it looks like "
                    "when things go wrong. Stories are remembered, retold and adapted, which makes them one of the "
                    "most effective ways to pass on tacit knowledge.</p>"
                ),
            ),
            ("heading", {"text": "A simple structure", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Context:</strong> where and when, and what was at "
                    "stake.</li><li><strong>Challenge:</strong> the problem or surprise the storyteller "
                    "faced.</li><li><strong>Action:</strong> what they did, including the options they "
                    "rejected.</li><li><strong>Result:</strong> what happened, good and "
                    "bad.</li><li><strong>Lesson:</strong> what they would tell someone facing the same "
                    "situation.</li></ol><p>Aim for two to three minutes when told aloud, or around three hundred "
                    "words when written.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Collecting stories",
                    "text": (
                        "<p>Invite people to describe a particular occasion, for example 'the first time you ran a "
                        "site handover', rather than asking what they learned in general. Specific prompts draw out "
                        "specific stories. Record them with permission and let the storyteller approve the written "
                        "version.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Nobody remembered the safety bulletin. Everybody remembered the story about the night the "
                        "pump failed."
                    ),
                    "source": "Site supervisor, utilities operations",
                },
            ),
        ],
    },
    {
        "slug": "lessons-learned-registers-people-use",
        "title": "Lessons-learned registers that people actually use",
        "summary": (
            "Many lessons-learned registers become archives that nobody reads. These practices help turn a register "
            "into a tool that changes how the next project is run."
        ),
        "topics": ["lessons-learned-registers", "content-lifecycle"],
        "audiences": ["local-knowledge-manager", "km-champion"],
        "stage": "sustain",
        "tags": ["lessons learned", "curation", "peer assist", "content review"],
        "author": "expert",
        "months_ago": 25,
        "body": [
            (
                "paragraph",
                (
                    "<p>The typical lessons-learned register collects hundreds of entries at project close and is "
                    "rarely consulted again. The problem is not the technology but the process around it: lessons are "
                    "written for the record rather than for the next reader, and nobody is responsible for acting on "
                    "them.</p>"
                ),
            ),
            ("heading", {"text": "Design for the reader", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Write lessons as advice</strong>: 'Confirm site access permits before ordering "
                    "equipment', not 'Permits were late'.</li><li><strong>Tag lessons by activity and project "
                    "phase</strong>, so that a team starting a phase can pull out everything "
                    "relevant.</li><li><strong>Link each lesson to evidence</strong>, such as the review notes, and to "
                    "a contact who can explain it.</li></ul>"
                ),
            ),
            ("heading", {"text": "Close the loop", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Assign every significant lesson to an owner who decides whether it should change a procedure, "
                    "template or training course. Track its status: open, embedded, or rejected with reasons. A lesson "
                    "is only learned when something changes. Archive lessons once they are embedded, so the register "
                    "stays short enough to read.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Pull, not just push",
                    "text": (
                        "<p>Make a review of relevant lessons a standard step in project start-up and in peer assists. "
                        "People are far more likely to read lessons when doing so is part of the process.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "planning-a-km-pilot",
        "title": "Planning a KM pilot: scope, success criteria and decision points",
        "summary": (
            "A well-planned pilot tests a knowledge management approach in a real setting and produces the evidence "
            "needed for a decision on wider roll-out."
        ),
        "topics": ["km-pilots"],
        "audiences": ["km-champion", "manager"],
        "stage": "pilot",
        "tags": ["pilots", "planning", "metrics", "business case"],
        "author": "author",
        "months_ago": 11,
        "body": [
            ("heading", {"text": "Choosing the pilot", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Pick a pilot area with a clear business problem, a supportive manager and people who are "
                    "willing to try something new. Avoid the team in the middle of a restructure and, equally, the "
                    "team that is already doing well without help; neither will tell you much.</p>"
                ),
            ),
            ("heading", {"text": "The pilot plan", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Objective:</strong> the problem you are testing against, stated in business "
                    "terms.</li><li><strong>Approach:</strong> the KM method being tested, such as a community of "
                    "practice, after-action reviews or a curated library section.</li><li><strong>Duration:</strong> "
                    "usually three to six months, long enough to see behaviour change.</li><li><strong>Success "
                    "criteria:</strong> agreed in advance, with a baseline.</li><li><strong>Resources:</strong> "
                    "facilitation time, champion time and any tool configuration.</li><li><strong>Decision "
                    "point:</strong> the date and forum where the results will be reviewed.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Watch for pilot fatigue",
                    "text": (
                        "<p>If a pilot runs on with no decision, participants lose interest and the results go stale. "
                        "Hold the decision meeting on the agreed date, even if the answer is 'extend with changes'.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Keep a pilot diary of what changed, what surprised you and what you would do differently. It "
                    "becomes the core of the roll-out guidance.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "rollout-communication-plan",
        "title": "Writing a roll-out communication plan",
        "summary": (
            "A communication plan for rolling out a KM approach across the organisation: audiences, messages, "
            "messengers and timing, and how to listen as well as broadcast."
        ),
        "topics": ["communication-plans"],
        "audiences": ["km-champion", "local-knowledge-manager"],
        "stage": "rollout",
        "tags": ["change", "communication", "planning", "pilots"],
        "author": "editor",
        "months_ago": 9,
        "body": [
            (
                "paragraph",
                (
                    "<p>Roll-out communication is not a single announcement. People need to hear why the change "
                    "matters, what it means for them and where to get help, several times and from people they "
                    "trust.</p>"
                ),
            ),
            ("heading", {"text": "Build the plan", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Map your audiences.</strong> Managers, champions, facilitators and staff need "
                    "different messages at different times.</li><li><strong>Write core messages</strong> for each: the "
                    "problem being solved, what changes and when, and what is expected of them.</li><li><strong>Choose "
                    "messengers.</strong> Senior sponsors explain why; line managers and champions explain what it "
                    "means locally.</li><li><strong>Set a timeline</strong> that starts before launch and continues "
                    "for at least three months afterwards.</li><li><strong>Plan feedback routes</strong>, such as "
                    "drop-in sessions, a questions thread and a short survey.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Use pilot stories",
                    "text": (
                        "<p>Real examples from the pilot teams are your most persuasive material. A two-minute video "
                        "or a short quote from a colleague who saved time is worth more than a polished launch "
                        "email.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "People did not read the launch email. They listened when their own team leader showed them "
                        "what had changed."
                    ),
                    "source": "Change lead, customer services",
                },
            ),
        ],
    },
    {
        "slug": "km-governance-roles",
        "title": "KM governance: who does what",
        "summary": (
            "An outline of the roles needed to run a knowledge management programme, from the steering group and local "
            "knowledge managers to champions, facilitators and content owners."
        ),
        "topics": ["km-roles", "km-governance"],
        "audiences": ["manager", "local-knowledge-manager"],
        "stage": "investigation",
        "tags": ["governance", "roles", "km champions", "policy"],
        "author": "expert",
        "months_ago": 12,
        "body": [
            (
                "paragraph",
                (
                    "<p>Clear roles stop KM from becoming either everybody's job or nobody's. The model below suits a "
                    "medium-sized organisation and can be scaled up or down.</p>"
                ),
            ),
            ("heading", {"text": "Core roles", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Sponsor and steering group:</strong> set priorities, approve the strategy and "
                    "remove obstacles. Meet quarterly.</li><li><strong>KM lead:</strong> runs the programme, owns the "
                    "framework and reports progress.</li><li><strong>Local knowledge managers:</strong> adapt the "
                    "framework to their function, monitor content quality and coordinate champions.</li><li><strong>KM "
                    "champions:</strong> part-time advocates in teams who encourage good practice and collect "
                    "feedback.</li><li><strong>Community facilitators:</strong> run communities of practice and "
                    "connect them to the library.</li><li><strong>Content owners:</strong> keep specific articles "
                    "accurate and reviewed.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Write it into role profiles",
                    "text": (
                        "<p>Part-time KM roles are sustainable only when they are recognised. Agree a time allocation "
                        "with line managers, typically 10 to 20 per cent for champions and facilitators, and include "
                        "it in objectives.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Publish a one-page responsibility chart so that everyone knows whom to contact about content, "
                    "communities or tools, and update it whenever someone in a named role moves on.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "project-retrospectives-that-lead-to-change",
        "title": "Project retrospectives that lead to change",
        "summary": (
            "How to run an end-of-project retrospective that looks across the whole project, produces a small number "
            "of well-argued lessons and hands them to people who can act on them."
        ),
        "topics": ["project-retrospectives"],
        "audiences": ["manager", "knowledge-worker"],
        "stage": "pilot",
        "tags": ["lessons learned", "aar", "facilitation"],
        "author": "author",
        "months_ago": 3,
        "body": [
            ("heading", {"text": "Retrospective or after-action review?", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>After-action reviews are short and frequent, held after individual events. A retrospective "
                    "looks back over a whole project or phase and takes two to three hours. It should draw on the "
                    "reviews already held rather than starting from scratch.</p>"
                ),
            ),
            ("heading", {"text": "Running it", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li>Send a short survey beforehand asking what went well, what did not and what people would "
                    "change.</li><li>Start the session with a timeline of the project, built together on a wall or a "
                    "shared whiteboard.</li><li>Mark highs and lows on the timeline, then choose the three to five "
                    "themes with the biggest impact.</li><li>For each theme, agree a lesson written as advice and name "
                    "who needs to hear it.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Too many lessons",
                    "text": (
                        "<p>A list of forty lessons will not be acted on. Prioritise ruthlessly; everything else can "
                        "go in the notes.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Within two weeks, the project manager should send each lesson to its named recipient, such as "
                    "the owner of a procedure or the lead of the next similar project, and record the reply in the "
                    "lessons register.</p>"
                ),
            ),
            (
                "quote",
                {
                    "quote": (
                        "We used to write lessons for the file. Now we write them for a named person, and they get a "
                        "call."
                    ),
                    "source": "Portfolio office manager, transport projects",
                },
            ),
        ],
    },
    {
        "slug": "tagging-content-consistently",
        "title": "Tagging content consistently",
        "summary": (
            "Good tags make content findable and keep topic pages useful. These guidelines help authors choose topics, "
            "audiences and free tags that others will recognise."
        ),
        "topics": ["tagging-practice", "taxonomy-and-metadata"],
        "audiences": ["knowledge-worker", "local-knowledge-manager"],
        "stage": "rollout",
        "tags": ["taxonomy", "metadata", "checklist"],
        "author": "author",
        "months_ago": 7,
        "body": [
            (
                "paragraph",
                (
                    "<p>When you publish an article, the topics, audiences and tags you choose decide where it appears "
                    "and who finds it. A few minutes spent choosing well saves readers a great deal of time.</p>"
                ),
            ),
            ("heading", {"text": "Guidelines for authors", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Choose the most specific topic</strong> that fits. An article about facilitation "
                    "belongs under Facilitation, not just Communities of practice; it will still appear on the broader "
                    "topic page.</li><li><strong>Use one to three topics.</strong> If you need more, the article may "
                    "be trying to do too much.</li><li><strong>Pick audiences by who will act</strong> on the "
                    "guidance, not everyone who might find it interesting.</li><li><strong>Reuse existing free "
                    "tags.</strong> Check the tag list before inventing a new one; 'aar' and 'after action review' "
                    "split the same content in two.</li><li><strong>Write tags in lower case</strong> and in the "
                    "singular where possible.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Check the topic page",
                    "text": (
                        "<p>After publishing, open the topic page and see whether your article sits comfortably "
                        "alongside the others. If it looks out of place, reconsider the tagging or ask the local "
                        "knowledge manager for a second opinion.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "measuring-community-health",
        "title": "Measuring the health of a community of practice",
        "summary": (
            "Indicators and a simple quarterly health check that help facilitators understand whether a community is "
            "growing in value, and what to do when it starts to stall."
        ),
        "topics": ["community-health", "measuring-km"],
        "audiences": ["community-facilitator", "km-champion"],
        "stage": "sustain",
        "tags": ["communities", "metrics", "facilitation"],
        "author": "expert",
        "months_ago": 4,
        "body": [
            ("heading", {"text": "Indicators to watch", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Response rate:</strong> the proportion of questions answered within two working "
                    "days.</li><li><strong>Breadth of contribution:</strong> how many different members posted in the "
                    "quarter, not just the total number of posts.</li><li><strong>New voices:</strong> members "
                    "contributing for the first time.</li><li><strong>Outputs:</strong> reference articles, templates "
                    "or decisions that came out of community work.</li><li><strong>Member view:</strong> a "
                    "two-question pulse survey asking how useful the community is and what would make it more "
                    "so.</li></ul>"
                ),
            ),
            ("heading", {"text": "The quarterly health check", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Once a quarter, the facilitator and core group spend an hour reviewing the indicators and a "
                    "sample of recent threads. Agree one thing to start, one to stop and one to continue. Share a "
                    "short summary with the sponsor.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Communities have seasons",
                    "text": (
                        "<p>Activity naturally dips in holiday periods and rises around project peaks. Compare with "
                        "the same quarter last year before concluding that a community is in decline.</p>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>If a community has lost its purpose, it may be better to close it gracefully, archiving the "
                    "useful content, than to keep it going artificially.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "identifying-critical-knowledge-at-risk",
        "title": "Identifying critical knowledge at risk of loss",
        "summary": (
            "A simple risk assessment that helps managers and HR find the roles where knowledge loss would hurt most, "
            "so that retention and transfer effort goes where it matters."
        ),
        "topics": ["critical-knowledge-succession", "knowledge-audits"],
        "audiences": ["manager", "hr-learning"],
        "stage": "investigation",
        "tags": ["retention", "knowledge audit", "handover"],
        "author": "editor",
        "months_ago": 20,
        "body": [
            (
                "paragraph",
                (
                    "<p>Not all knowledge loss is equally serious. A focused assessment helps you spend limited "
                    "transfer effort on the roles and people where the risk is highest.</p>"
                ),
            ),
            ("heading", {"text": "Scoring the risk", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>For each role or key individual, score two factors from one to "
                    "five:</p><ul><li><strong>Criticality:</strong> how much the business depends on their knowledge, "
                    "how unique it is and how long a successor would take to acquire it.</li><li><strong>Likelihood of "
                    "loss:</strong> expected retirement, known flight risk, planned role changes or reliance on a "
                    "single contractor.</li></ul><p>Multiply the two scores. Anything above fifteen needs a transfer "
                    "plan within three months.</p>"
                ),
            ),
            ("heading", {"text": "Responses", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Pair the knowledge holder with a successor or understudy.</li><li>Record walk-throughs of "
                    "rarely performed but critical tasks.</li><li>Bring the holder into a community of practice as a "
                    "recognised expert.</li><li>Document decision rules and key contacts.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Handle the conversation with care",
                    "text": (
                        "<p>Being identified as a knowledge risk can feel like a signal about someone's future. "
                        "Explain that the aim is to protect the team and recognise their expertise, and involve HR in "
                        "the conversation.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "setting-up-an-onboarding-buddy-scheme",
        "title": "Setting up an onboarding buddy scheme",
        "summary": (
            "A buddy gives new starters a friendly first point of contact for the questions they would not ask their "
            "manager. This guide covers matching, briefing and supporting buddies."
        ),
        "topics": ["buddy-schemes"],
        "audiences": ["hr-learning", "knowledge-worker"],
        "stage": "pilot",
        "tags": ["onboarding", "new starters", "networking"],
        "author": "author",
        "months_ago": 6,
        "body": [
            ("heading", {"text": "What a buddy does", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>A buddy is a peer, not a manager or mentor. They help the new starter with practical "
                    "questions, explain unwritten norms and introduce them to colleagues. The commitment is typically "
                    "an hour a week for the first six weeks, then informal contact for a few months.</p>"
                ),
            ),
            ("heading", {"text": "Running the scheme", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Match carefully.</strong> Choose someone in a similar role but not the same team, "
                    "with at least a year's experience and the time to help.</li><li><strong>Brief buddies.</strong> "
                    "Give them a one-page guide with suggested topics for each week and the starter list of key "
                    "reference material.</li><li><strong>Make the first meeting happen.</strong> Put it in both "
                    "diaries for the first morning.</li><li><strong>Check in.</strong> HR or the local knowledge "
                    "manager should ask both parties how it is going after three weeks.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Recognise the buddies",
                    "text": (
                        "<p>Being a buddy is valuable knowledge work. Ask managers to acknowledge it in objectives and "
                        "thank buddies publicly at the end of each cohort.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "My buddy told me which meetings I could skip and which people I had to meet. No induction "
                        "pack could do that."
                    ),
                    "source": "Graduate analyst, first-year cohort",
                },
            ),
        ],
    },
    {
        "slug": "choosing-collaboration-tools",
        "title": "Choosing collaboration tools for knowledge sharing",
        "summary": (
            "Before buying or configuring a new platform, define the knowledge-sharing behaviours you want to support. "
            "This guide sets out requirements, evaluation steps and common pitfalls."
        ),
        "topics": ["tool-selection"],
        "audiences": ["local-knowledge-manager", "manager"],
        "stage": "investigation",
        "tags": ["collaboration tools", "online working", "planning"],
        "author": "editor",
        "months_ago": 15,
        "body": [
            (
                "paragraph",
                (
                    "<p>Tools enable knowledge sharing but rarely create it. Organisations that start with a product "
                    "often end up with another empty platform. Start instead with how people work and what they need "
                    "to do together.</p>"
                ),
            ),
            ("heading", {"text": "Define the requirements", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Scenarios:</strong> describe five to ten real situations, such as 'a new starter "
                    "asks a question about a supplier process'.</li><li><strong>Integration:</strong> where do people "
                    "already spend their day? A tool that sits inside existing workflows is used "
                    "more.</li><li><strong>Findability:</strong> can content be tagged, searched and moved into the "
                    "reference library?</li><li><strong>Governance:</strong> permissions, retention, moderation and "
                    "export.</li></ul>"
                ),
            ),
            ("heading", {"text": "Evaluate with users", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Shortlist two or three options and test them with a small group using the real scenarios. "
                    "Watch for friction: extra logins, confusing notifications or content that is hard to find a week "
                    "later. Ask the group to rank the options and explain their reasons; the reasons are often more "
                    "useful than the ranking.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Avoid tool sprawl",
                    "text": (
                        "<p>Every additional tool splits conversations and content. Before adding one, decide which "
                        "existing tool it replaces and plan the migration.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "building-adoption-in-the-first-ninety-days",
        "title": "Building adoption in the first ninety days of roll-out",
        "summary": (
            "Practical actions for KM champions to turn launch interest into everyday habits: quick wins, visible "
            "leadership, local support and removing friction."
        ),
        "topics": ["adoption-and-engagement", "change-management"],
        "audiences": ["km-champion"],
        "stage": "rollout",
        "tags": ["change", "adoption", "km champions"],
        "author": "expert",
        "months_ago": 5,
        "body": [
            ("heading", {"text": "Weeks 1 to 4: make it useful immediately", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Make sure every team finds something useful on its first visit. Champions should seed each "
                    "area with the five most-requested documents and answer early questions quickly. Remove obstacles "
                    "as they appear, such as broken links, confusing permissions and missing content.</p>"
                ),
            ),
            ("heading", {"text": "Weeks 5 to 8: make it visible", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Ask managers to use the new approach in their own work and to mention it in team meetings: 'I "
                    "found this in the library' or 'Let's ask the community'. Share quick wins in internal news and "
                    "team briefings.</p>"
                ),
            ),
            ("heading", {"text": "Weeks 9 to 12: make it routine", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Build the practice into existing processes: a library check at project start, an after-action "
                    "review on the meeting agenda, a community link in the onboarding plan. Habits last when they are "
                    "part of how work is already done.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Listen as much as you promote",
                    "text": (
                        "<p>Keep a simple log of feedback and complaints, and report back on what you changed. People "
                        "engage when they see their comments taken seriously.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "writing-km-policies-people-follow",
        "title": "Writing KM policies people follow",
        "summary": (
            "Short, practical KM policies and standards that set expectations without adding bureaucracy: what to "
            "include, how to write it and how to keep it proportionate."
        ),
        "topics": ["km-policies"],
        "audiences": ["local-knowledge-manager", "manager"],
        "stage": "pilot",
        "tags": ["governance", "policy", "templates"],
        "author": "editor",
        "months_ago": 28,
        "body": [
            (
                "paragraph",
                (
                    "<p>A KM policy should make good practice the default, not create paperwork. The best policies are "
                    "short, written in plain English and linked to guidance that shows people how to comply.</p>"
                ),
            ),
            ("heading", {"text": "What to cover", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>The purpose of knowledge management and who is accountable for it.</li><li>Minimum "
                    "expectations, for example an after-action review for every project above a certain size, or a "
                    "review date on every reference article.</li><li>Ownership and review of content.</li><li>Handling "
                    "of confidential and personal information in shared spaces.</li><li>What happens to knowledge when "
                    "people leave or change roles.</li></ul>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Do not write rules you cannot support",
                    "text": (
                        "<p>Every requirement needs a template, guidance and someone to ask. If you cannot provide "
                        "these yet, make it a recommendation rather than a rule.</p>"
                    ),
                },
            ),
            ("heading", {"text": "Test before you publish", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Try the draft with a few teams first. Ask them to walk through a recent piece of work and say "
                    "what they would have done differently under the policy. If the answer is 'nothing', the policy is "
                    "either unnecessary or too vague. Pilot teams are a good place to start, because they already know "
                    "the practices the policy describes.</p>"
                ),
            ),
        ],
    },
    {
        "slug": "the-km-champion-role",
        "title": "The KM champion role: a practical guide",
        "summary": (
            "What KM champions do day to day, how much time the role takes, and how to stay effective without becoming "
            "the team's unofficial librarian."
        ),
        "topics": ["km-roles", "adoption-and-engagement"],
        "audiences": ["km-champion"],
        "stage": "pilot",
        "tags": ["km champions", "roles", "adoption"],
        "author": "author",
        "months_ago": 10,
        "body": [
            (
                "paragraph",
                (
                    "<p>KM champions are volunteers or nominated staff who promote good knowledge practice within "
                    "their team. They are not expected to do the team's knowledge work for it; their job is to make it "
                    "easier for everyone else.</p>"
                ),
            ),
            ("heading", {"text": "Typical activities", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li>Showing colleagues how to find and contribute content.</li><li>Suggesting an after-action "
                    "review when a piece of work finishes.</li><li>Spotting useful knowledge in the team and "
                    "encouraging people to share it.</li><li>Passing feedback about the portal and communities to the "
                    "local knowledge manager.</li><li>Joining the champions' network to swap ideas with other "
                    "teams.</li></ul>"
                ),
            ),
            ("heading", {"text": "Avoiding the librarian trap", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>If colleagues start sending you documents to upload or questions to answer on their behalf, "
                    "help them do it themselves the first time and point them to the guidance the second. Your success "
                    "is measured by how much the team shares, not by how much you share for it.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Protect the time",
                    "text": (
                        "<p>Agree a realistic time commitment with your manager, usually half a day a fortnight. "
                        "Record it in your objectives so the role is recognised at review time.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "The champion network is where I learned the most. Every team hits the same problems; we just "
                        "hit them at different times."
                    ),
                    "source": "KM champion, procurement team",
                },
            ),
        ],
    },
    {
        "slug": "using-search-analytics-to-improve-findability",
        "title": "Using search analytics to improve findability",
        "summary": (
            "Search logs show what people look for and fail to find. A monthly routine for local knowledge managers "
            "and editors turns that data into better titles, synonyms and new content."
        ),
        "topics": ["enterprise-search", "measuring-km"],
        "audiences": ["local-knowledge-manager"],
        "stage": "sustain",
        "tags": ["search", "metrics", "findability", "content review"],
        "author": "editor",
        "months_ago": 1,
        "body": [
            ("heading", {"text": "The monthly routine", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Top queries:</strong> check that the twenty most common searches return the right "
                    "content in the first three results.</li><li><strong>Zero-result queries:</strong> group them into "
                    "spelling variants, synonyms and genuine gaps.</li><li><strong>Low-click queries:</strong> "
                    "searches with results but few clicks suggest poor titles or "
                    "summaries.</li><li><strong>Actions:</strong> add synonyms, improve titles and summaries, or "
                    "commission new content for genuine gaps.</li></ol>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Record each change and check the same queries the following month. Small improvements add up "
                    "quickly: fixing the top twenty queries often improves the experience for a large share of all "
                    "searches. Send authors a short monthly note showing which of their articles people struggled to "
                    "find; it is the most persuasive argument for clearer titles.</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "Learn the local vocabulary",
                    "text": (
                        "<p>Zero-result searches are a free source of the words people actually use. Feed them into "
                        "the taxonomy review as candidate terms or synonyms.</p>"
                    ),
                },
            ),
            (
                "callout",
                {
                    "kind": "warning",
                    "title": "Respect privacy",
                    "text": (
                        "<p>Analyse queries in aggregate. Do not report on individual users' searches, and remove any "
                        "personal information that appears in query text before sharing reports.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "writing-a-lesson-someone-else-can-use",
        "title": "Writing a lesson someone else can use",
        "summary": (
            "Most recorded lessons are too vague to act on. This short guide shows how to write a lesson that a "
            "stranger on another project can understand and apply."
        ),
        "topics": ["lessons-learned"],
        "audiences": ["knowledge-worker", "km-champion"],
        "stage": "investigation",
        "tags": ["lessons learned", "writing", "templates"],
        "author": "author",
        "months_ago": 8,
        "body": [
            (
                "paragraph",
                (
                    "<p>A lesson is useful when someone who was not there can read it and change what they do. That "
                    "means it must include context, a clear recommendation and a reason. Lessons that only make sense "
                    "to the people who were in the room are the main reason registers go unread.</p>"
                ),
            ),
            ("heading", {"text": "A four-part template", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ul><li><strong>Situation:</strong> what kind of work, at what stage, under what "
                    "conditions.</li><li><strong>What happened:</strong> the facts, "
                    "briefly.</li><li><strong>Recommendation:</strong> what to do next time, written as an "
                    "instruction.</li><li><strong>Why:</strong> the benefit, or the cost of not doing it.</li></ul>"
                ),
            ),
            ("heading", {"text": "Before and after", "level": "h3"}),
            (
                "paragraph",
                (
                    "<p><em>Before:</em> 'Communication with the client could have been better.'</p><p><em>After:</em> "
                    "'On fixed-price contracts, agree a named client contact for change requests at kick-off. On this "
                    "project, three requests went to different people and took an average of nine days to approve, "
                    "delaying the test phase by two weeks.'</p>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "The stranger test",
                    "text": (
                        "<p>Before submitting a lesson, ask a colleague from another team to read it. If they cannot "
                        "say what they would do differently, rewrite it.</p>"
                    ),
                },
            ),
        ],
    },
    {
        "slug": "running-a-knowledge-cafe",
        "title": "Running a knowledge café to explore a shared problem",
        "summary": (
            "A knowledge café is a relaxed, structured conversation for surfacing experience and ideas on an open "
            "question. It is useful early in a programme to understand issues across teams."
        ),
        "topics": ["facilitation"],
        "audiences": ["community-facilitator", "km-champion"],
        "stage": "investigation",
        "tags": ["facilitation", "tacit knowledge", "knowledge audit"],
        "author": "expert",
        "months_ago": 30,
        "body": [
            ("heading", {"text": "When it helps", "level": "h2"}),
            (
                "paragraph",
                (
                    "<p>Use a knowledge café when you want to explore a question rather than solve a defined problem: "
                    "for example, 'What stops us learning from other teams?' or 'What would make onboarding faster?'. "
                    "It works well in the investigation stage of a KM programme, when you need to hear many "
                    "perspectives quickly.</p>"
                ),
            ),
            ("heading", {"text": "The format", "level": "h2"}),
            (
                "paragraph",
                (
                    "<ol><li><strong>Introduction (10 minutes):</strong> the host explains the question and the ground "
                    "rules. No slides.</li><li><strong>Small-group rounds (three rounds of 15 to 20 minutes):</strong> "
                    "tables of four or five discuss the question. Between rounds, everyone except one host per table "
                    "moves to a new table.</li><li><strong>Whole-group conversation (30 minutes):</strong> people "
                    "share what struck them, what surprised them and what they want to explore further.</li></ol>"
                ),
            ),
            (
                "callout",
                {
                    "kind": "note",
                    "title": "Capture lightly",
                    "text": (
                        "<p>Paper tablecloths or a shared online board let people note ideas without a formal "
                        "minute-taker. Photograph or export them afterwards and send participants a short summary of "
                        "themes within a week.</p>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": "It was the first meeting in months where nobody was trying to win an argument.",
                    "source": "Participant, knowledge strategy consultation",
                },
            ),
        ],
    },
]
