"""Demo content for the learning portal: training modules, learning paths and demo learners.

Plain data only. Every text here was written for this portal. Lesson blocks are ``(block_type, value)`` pairs.
"""

MODULES = [
    # ------------------------------------------------------------------ investigation
    {
        "slug": "km-awareness-for-managers",
        "title": "Knowledge management for managers: why it matters to your team",
        "summary": (
            "A short introduction for managers to what the knowledge-management programme is, what it asks of teams "
            "and where it pays back first."
        ),
        "objectives": [
            "Explain the programme's aims in plain language to your team",
            "Recognise where knowledge is lost or duplicated in your area",
            "Describe the practical support a manager is expected to give",
            "Pick one early opportunity worth raising with the KM team",
        ],
        "audiences": ["manager"],
        "stage": "investigation",
        "topics": ["knowledge-strategy"],
        "minutes": 35,
        "owner": "editor",
        "prerequisites": [],
        "lessons": [
            {
                "slug": "what-km-means-here",
                "title": "What knowledge management means in this organisation",
                "blocks": [
                    ("heading", {"text": "A working definition", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>In this programme, <strong>knowledge management</strong> means making sure the people "
                        "doing the work can find what colleagues already know, learn quickly from what went well or "
                        "badly, and pass their own experience on before it is lost. It is not a new system to feed or "
                        "a reporting exercise. Most of it happens inside work you already do: project reviews, team "
                        "meetings, handovers and the questions people ask each other every day. The programme adds a "
                        "few simple routines, a portal to keep the results in, and named people to help. Your team "
                        "will notice it mainly as <em>fewer repeated mistakes</em> and <em>less time spent hunting "
                        "for answers</em>.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Use your own examples",
                            "text": "<p>When you introduce the programme, describe a recent moment when your team "
                            "solved a problem someone else had already solved. It lands far better than a "
                            "definition.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "where-knowledge-leaks",
                "title": "Where knowledge leaks from a team",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Knowledge rarely disappears in one dramatic event. It leaks away in small, predictable "
                        "places. Look for these in your own area:</p><ul><li>an experienced colleague leaves or "
                        "moves and their handover is a single page of contacts;</li><li>a project closes and the "
                        "review is skipped because the next deadline has already started;</li><li>two teams build "
                        "similar templates or tools without knowing about each other;</li><li>useful answers live "
                        "only in private email threads or personal drives.</li></ul><p>Each of these is cheap to "
                        "fix early and expensive to fix late. Noting two or three of them is a good start for a "
                        "conversation with the KM team.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Mapping knowledge leaks in twenty minutes",
                            "video_url": "https://videos.example.org/km/mapping-knowledge-leaks.mp4",
                            "transcript": "In this short video we walk through a simple exercise you can run with "
                            "your team in a normal meeting. Draw the main flow of your work on a whiteboard, from "
                            "request to delivery. Then ask everyone to mark the points where they have had to "
                            "chase information, redo something or rely on one particular person. Within twenty "
                            "minutes most teams have a map with three or four obvious hotspots. We finish by "
                            "showing how to choose one hotspot to take to the KM team, based on how often it "
                            "happens and how much it costs when it does.",
                        },
                    ),
                ],
            },
            {
                "slug": "the-managers-part",
                "title": "What the programme asks of managers",
                "blocks": [
                    (
                        "paragraph",
                        "<p>The programme does not need managers to become knowledge specialists. It needs three "
                        "things from you. First, <strong>time</strong>: protect an hour for an after-action review "
                        "at the end of significant pieces of work, and let people attend their community of "
                        "practice. Second, <strong>signals</strong>: ask in team meetings what was learned, not only "
                        "what was delivered, and thank people publicly when they share. Third, "
                        "<strong>use</strong>: when you make decisions, check the lessons register and ask whether "
                        "anyone has done this before. Teams copy what their manager pays attention to, so small, "
                        "consistent habits matter more than a launch speech.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Avoid turning sharing into a target",
                            "text": "<p>Counting how many documents each person uploads rewards volume, not "
                            "usefulness. Ask about what was reused and what changed as a result instead.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Check your understanding: the manager's part",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which of these does the programme ask managers to do?",
                                    "multiple": True,
                                    "explanation": "Managers are asked for time, visible signals and use of "
                                    "knowledge in decisions, not for specialist KM work.",
                                    "options": [
                                        {
                                            "text": "Protect time for after-action reviews",
                                            "correct": True,
                                            "feedback": "Yes, time is the first thing teams need from you.",
                                        },
                                        {
                                            "text": "Ask what was learned in team meetings",
                                            "correct": True,
                                            "feedback": "Right, this signals that learning matters.",
                                        },
                                        {
                                            "text": "Write the team's taxonomy themselves",
                                            "correct": False,
                                            "feedback": "No, taxonomy work is led by the KM team.",
                                        },
                                        {
                                            "text": "Set upload targets for each person",
                                            "correct": False,
                                            "feedback": "No, targets like this reward volume rather than value.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "What is the best evidence that your team is benefiting from KM?",
                                    "multiple": False,
                                    "explanation": "Reuse that changes how work is done is the outcome the "
                                    "programme is aiming for.",
                                    "options": [
                                        {
                                            "text": "The number of pages the team has published",
                                            "correct": False,
                                            "feedback": "Volume alone says little about value.",
                                        },
                                        {
                                            "text": "A lesson from another team that changed how you planned work",
                                            "correct": True,
                                            "feedback": "Correct, reuse with a visible effect is the real test.",
                                        },
                                        {
                                            "text": "Attendance at the launch event",
                                            "correct": False,
                                            "feedback": "Attendance shows interest, not benefit.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "spotting-early-opportunities",
                "title": "Spotting an early opportunity for your team",
                "blocks": [
                    ("heading", {"text": "Start where the pain is", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>The best first step is a problem your team already complains about. Good candidates "
                        "share three features: the problem <em>recurs</em>, its cost is <em>visible</em> to people "
                        "outside the team, and a small change in practice would help. Examples include bid teams "
                        "rewriting the same method statements, engineers re-learning a supplier's quirks on every "
                        "job, or new starters taking months to find the right contacts. Write the problem down in "
                        "two sentences, with a rough estimate of how often it happens, and send it to your local "
                        "knowledge manager. That note is often the seed of a pilot.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Choosing a good first opportunity",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "prompt": "Which problem is the strongest candidate for an early KM pilot?",
                                    "multiple": False,
                                    "explanation": "Recurring problems with a visible cost and a simple fix make "
                                    "the clearest early wins.",
                                    "options": [
                                        {
                                            "text": "A one-off system migration planned for next year",
                                            "correct": False,
                                            "feedback": "A one-off event gives little chance to reuse learning.",
                                        },
                                        {
                                            "text": "Bid teams rewriting the same method statements each month",
                                            "correct": True,
                                            "feedback": "Yes, it recurs, costs time and is easy to measure.",
                                        },
                                        {
                                            "text": "A general wish for better culture",
                                            "correct": False,
                                            "feedback": "Too vague to act on or measure in a pilot.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Who should you send your opportunity note to first?",
                                    "multiple": False,
                                    "explanation": "Local knowledge managers collect and shape opportunities "
                                    "before they become pilots.",
                                    "options": [
                                        {
                                            "text": "Your local knowledge manager",
                                            "correct": True,
                                            "feedback": "Correct, they will help shape it into a pilot idea.",
                                        },
                                        {
                                            "text": "The IT service desk",
                                            "correct": False,
                                            "feedback": "Most KM opportunities are not technology requests.",
                                        },
                                        {
                                            "text": "Every member of staff by email",
                                            "correct": False,
                                            "feedback": "Wide broadcasts come later, once the idea is shaped.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "building-the-km-business-case",
        "title": "Building the business case for knowledge management",
        "summary": (
            "How to turn a knowledge problem into a short, evidence-based business case that a budget holder can "
            "approve with confidence."
        ),
        "objectives": [
            "Gather baseline evidence with a light-touch knowledge audit",
            "Estimate costs and benefits in terms the business recognises",
            "Structure a two-page case with clear success measures",
        ],
        "audiences": ["manager", "local-knowledge-manager"],
        "stage": "investigation",
        "topics": ["business-case-and-metrics", "knowledge-audits"],
        "minutes": 60,
        "owner": "expert",
        "prerequisites": ["km-awareness-for-managers"],
        "lessons": [
            {
                "slug": "gathering-baseline-evidence",
                "title": "Gathering baseline evidence",
                "blocks": [
                    ("heading", {"text": "Evidence before enthusiasm", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>A business case stands or falls on its baseline. Before proposing anything, spend a "
                        "fortnight collecting facts about the problem as it is today. A light-touch knowledge audit "
                        "is enough: interview six to ten people who feel the problem, ask how long they spend "
                        "searching for or recreating information, and note which sources they trust. Add one or two "
                        "hard figures where you can, such as repeat defects, rework hours or time to competence for "
                        "new starters. Keep the notes; the same people will become your pilot participants and your "
                        "first success stories.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Running a light-touch knowledge audit interview",
                            "video_url": "https://videos.example.org/km/audit-interview.mp4",
                            "transcript": "This video shows a real audit interview, recorded with permission and "
                            "lightly edited. The interviewer opens by explaining that nobody is being assessed, "
                            "then asks the participant to describe the last time they needed information they "
                            "could not find. Notice how she asks for a specific recent example rather than "
                            "opinions in general. She then probes for time spent, who the participant asked, and "
                            "what happened in the end. The interview lasts twenty-five minutes and finishes with "
                            "a simple question: if one thing changed, what would help most?",
                        },
                    ),
                ],
            },
            {
                "slug": "costs-and-benefits",
                "title": "Estimating costs and benefits honestly",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Budget holders distrust large, precise savings figures. Present a <strong>range</strong> "
                        "instead, built from your baseline: for example, if twelve engineers each lose three hours a "
                        "week searching for design precedents, halving that loss frees roughly nine hundred hours a "
                        "year. State your assumptions openly so they can be challenged. On the cost side include "
                        "people's time for reviews and communities, not only licences or training. Benefits that are "
                        "hard to put a number on, such as lower risk when experts retire, belong in the case too, "
                        "described clearly rather than forced into pounds.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Conservative figures travel further",
                            "text": "<p>A modest estimate that survives scrutiny is worth more than an impressive "
                            "one that finance unpicks in the first meeting.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Costs and benefits",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "How should savings be presented in a KM business case?",
                                    "multiple": False,
                                    "explanation": "A range with explicit assumptions is credible and easy to "
                                    "challenge constructively.",
                                    "options": [
                                        {
                                            "text": "As a single precise figure to show confidence",
                                            "correct": False,
                                            "feedback": "Precision implies certainty you do not have.",
                                        },
                                        {
                                            "text": "As a range with the assumptions stated",
                                            "correct": True,
                                            "feedback": "Correct, this invites scrutiny and builds trust.",
                                        },
                                        {
                                            "text": "Left out until the pilot has finished",
                                            "correct": False,
                                            "feedback": "Budget holders need an estimate to decide.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which costs belong in the case?",
                                    "multiple": True,
                                    "explanation": "People's time is usually the largest cost of KM and must be "
                                    "shown alongside any tools or training.",
                                    "options": [
                                        {
                                            "text": "Staff time spent in reviews and communities",
                                            "correct": True,
                                            "feedback": "Yes, time is usually the biggest cost.",
                                        },
                                        {
                                            "text": "Training and facilitation support",
                                            "correct": True,
                                            "feedback": "Right, these are real and should be visible.",
                                        },
                                        {
                                            "text": "Costs the team would incur anyway without KM",
                                            "correct": False,
                                            "feedback": "These are part of the baseline, not the proposal.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "structuring-the-case",
                "title": "Structuring a two-page case",
                "blocks": [
                    ("heading", {"text": "A shape budget holders recognise", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Keep the case to two pages and follow a familiar order:</p><ol><li>the problem, in the "
                        "words of the people who feel it;</li><li>the evidence from your baseline;</li><li>the "
                        "proposal, framed as a time-limited pilot;</li><li>costs, benefits and assumptions;</li>"
                        "<li>how success will be measured and when you will report back.</li></ol><p>Name the "
                        "sponsor and the KM champion who will lead the pilot. Attach interview quotes and the "
                        "detailed calculation as appendices so the main pages stay readable.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Test it on a sceptic",
                            "text": "<p>Ask a colleague who is doubtful about KM to read the draft. Their "
                            "questions are the ones the approval panel will ask.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "defining-success-measures",
                "title": "Defining success measures before you start",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Agree success measures <em>before</em> the pilot begins, otherwise every result can be "
                        "argued either way. Choose no more than three, and make at least one an outcome the business "
                        "already tracks, such as rework hours, bid turnaround time or time to competence. Add one "
                        "activity measure to show the new practice is actually happening, for example the number of "
                        "after-action reviews held. Finally, plan to collect two or three short stories of reuse, "
                        "because a concrete example often persuades a board more than a chart does.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Success measures",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "prompt": "When should pilot success measures be agreed?",
                                    "multiple": False,
                                    "explanation": "Measures agreed in advance stop results being reinterpreted "
                                    "after the event.",
                                    "options": [
                                        {
                                            "text": "Before the pilot starts",
                                            "correct": True,
                                            "feedback": "Correct, this keeps the evaluation honest.",
                                        },
                                        {
                                            "text": "Half-way through, once trends appear",
                                            "correct": False,
                                            "feedback": "That invites choosing measures that look good.",
                                        },
                                        {
                                            "text": "At the end, when all data is in",
                                            "correct": False,
                                            "feedback": "Too late; the baseline may be missing by then.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which is an outcome measure rather than an activity measure?",
                                    "multiple": False,
                                    "explanation": "Outcome measures track a business result; activity measures "
                                    "track whether the practice happens.",
                                    "options": [
                                        {
                                            "text": "Number of after-action reviews held",
                                            "correct": False,
                                            "feedback": "That shows activity, not its effect.",
                                        },
                                        {
                                            "text": "Reduction in rework hours on similar jobs",
                                            "correct": True,
                                            "feedback": "Yes, this is a business result.",
                                        },
                                        {
                                            "text": "Number of portal log-ins",
                                            "correct": False,
                                            "feedback": "Log-ins are activity and easily inflated.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ pilot
    {
        "slug": "km-champion-pilot-skills",
        "title": "KM champion skills for the pilot",
        "summary": (
            "The core learning routines a KM champion runs during a pilot: after-action reviews, peer assists and "
            "capturing lessons that others can reuse."
        ),
        "objectives": [
            "Run a forty-five minute after-action review",
            "Set up and host a peer assist before a piece of work",
            "Write a lesson that a stranger could act on",
            "Route lessons to the right owner for action",
        ],
        "audiences": ["km-champion"],
        "stage": "pilot",
        "topics": ["after-action-reviews", "peer-assists"],
        "minutes": 75,
        "owner": "expert",
        "prerequisites": ["km-awareness-for-managers"],
        "lessons": [
            {
                "slug": "running-an-after-action-review",
                "title": "Running an after-action review",
                "blocks": [
                    ("heading", {"text": "Four questions, forty-five minutes", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>An after-action review is a short, structured conversation held soon after a piece of "
                        "work, while memories are fresh. The champion's job is to keep it <strong>safe</strong>, "
                        "<strong>focused</strong> and <strong>brief</strong>. Work through four questions in order: "
                        "what did we set out to do; what actually happened; why was there a difference; and what "
                        "will we do differently next time. Spend most of the time on the last two. Make clear at the "
                        "start that the review is about the work, not about blaming individuals, and invite the "
                        "quietest participant to speak early.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "An after-action review in practice",
                            "video_url": "https://videos.example.org/km/aar-in-practice.mp4",
                            "transcript": "We join a project team an hour after they handed over a site to the "
                            "client. The champion opens by restating the purpose and the ground rules, then writes "
                            "the original objectives on a flipchart. As the team describes what actually "
                            "happened, she keeps asking for specific moments rather than general impressions. When "
                            "a disagreement starts about a late delivery, she steers it back to causes rather than "
                            "people. The review closes with three agreed actions, each with an owner, and one "
                            "lesson the team believes other projects should see.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Do not let the senior person speak first",
                            "text": "<p>If the most senior person gives their view at the start, others tend to "
                            "agree with it. Ask them to hold back until everyone else has spoken.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "hosting-a-peer-assist",
                "title": "Hosting a peer assist",
                "blocks": [
                    (
                        "paragraph",
                        "<p>A peer assist brings in people who have done similar work to help a team <em>before</em> "
                        "it starts. As champion you help the host team frame a clear question, invite four to six "
                        "peers from outside the team, and plan a half-day session. The visitors first listen to the "
                        "context, then share their experience, then offer options rather than instructions. The host "
                        "team decides what to take away. Afterwards, thank the visitors and tell them what changed "
                        "as a result; this makes them far more willing to help again.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Frame the question tightly",
                            "text": "<p>A question such as how do we mobilise a site team in under two weeks "
                            "produces better help than tell us about mobilisation.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Peer assists",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "When is a peer assist most useful?",
                                    "multiple": False,
                                    "explanation": "A peer assist is a learning-before activity, held before "
                                    "the main decisions are made.",
                                    "options": [
                                        {
                                            "text": "Before the work starts",
                                            "correct": True,
                                            "feedback": "Correct, that is when advice can still change plans.",
                                        },
                                        {
                                            "text": "Straight after the work finishes",
                                            "correct": False,
                                            "feedback": "That is the time for an after-action review.",
                                        },
                                        {
                                            "text": "Only when a project is failing",
                                            "correct": False,
                                            "feedback": "It helps most when used routinely, not as a rescue.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "What should visiting peers offer the host team?",
                                    "multiple": True,
                                    "explanation": "Visitors share experience and options; the host team keeps "
                                    "ownership of the decision.",
                                    "options": [
                                        {
                                            "text": "Their own relevant experience",
                                            "correct": True,
                                            "feedback": "Yes, this is the heart of the session.",
                                        },
                                        {
                                            "text": "Options the team might consider",
                                            "correct": True,
                                            "feedback": "Right, options leave the choice with the hosts.",
                                        },
                                        {
                                            "text": "A binding decision on the approach",
                                            "correct": False,
                                            "feedback": "No, the host team decides.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "capturing-reusable-lessons",
                "title": "Capturing lessons someone else can use",
                "blocks": [
                    ("heading", {"text": "Write for a stranger", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Most lessons registers are full of entries like communication could have been better, "
                        "which nobody can act on. A reusable lesson answers three things: the "
                        "<strong>situation</strong> in which it applies, what <strong>happened</strong> and why, and "
                        "a specific <strong>recommendation</strong> for the next team. Write it so that someone in "
                        "another department, reading it a year from now, would know exactly what to do. Add tags "
                        "for the type of work and the phase, and link to any template or document the lesson "
                        "refers to. One good lesson is worth more than ten vague ones.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Spot the reusable lesson",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which entry is a reusable lesson?",
                                    "multiple": False,
                                    "explanation": "A reusable lesson states the situation, the cause and a "
                                    "specific recommendation.",
                                    "options": [
                                        {
                                            "text": "Communication could have been better",
                                            "correct": False,
                                            "feedback": "Too vague for anyone to act on.",
                                        },
                                        {
                                            "text": "On listed-building refurbishments, book the conservation "
                                            "officer visit before ordering windows, as approval took six weeks",
                                            "correct": True,
                                            "feedback": "Yes, it has situation, cause and a clear action.",
                                        },
                                        {
                                            "text": "The project went well overall",
                                            "correct": False,
                                            "feedback": "Pleasant, but nothing to reuse.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which details make a lesson easier to find and use later?",
                                    "multiple": True,
                                    "explanation": "Tags and links help the next team find the lesson and act "
                                    "on it quickly.",
                                    "options": [
                                        {
                                            "text": "Tags for the type of work and phase",
                                            "correct": True,
                                            "feedback": "Correct, tags make the lesson findable.",
                                        },
                                        {
                                            "text": "Links to the relevant template or document",
                                            "correct": True,
                                            "feedback": "Right, links save the reader a search.",
                                        },
                                        {
                                            "text": "The names of people who made mistakes",
                                            "correct": False,
                                            "feedback": "No, this undermines trust and adds nothing useful.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "routing-lessons-for-action",
                "title": "Routing lessons to the people who can act",
                "blocks": [
                    (
                        "paragraph",
                        "<p>A lesson only changes anything when it reaches someone who owns the relevant process, "
                        "standard or template. After each review, sort the lessons into three groups: those the team "
                        "can act on itself, those that need a process owner, and those that are useful as advice "
                        "only. Send the second group to the named owner with a short note and a date to respond by. "
                        "Record the response in the lessons register. Champions who close this loop find that "
                        "teams take reviews far more seriously, because they can see that raising an issue leads "
                        "to change.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Who owns what",
                            "text": "<p>Your local knowledge manager keeps the current list of process owners. "
                            "Ask them rather than guessing.</p>",
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "running-a-pilot-community",
        "title": "Running a pilot community of practice",
        "summary": (
            "How to launch a small community of practice as part of a KM pilot, keep it active for the first three "
            "months and report what it achieved."
        ),
        "objectives": [
            "Define a community's purpose and membership for a pilot",
            "Plan the first three months of activity",
            "Collect evidence of value for the pilot review",
        ],
        "audiences": ["km-champion", "community-facilitator"],
        "stage": "pilot",
        "topics": ["communities-of-practice", "km-pilots"],
        "minutes": 50,
        "owner": "editor",
        "prerequisites": ["km-champion-pilot-skills"],
        "lessons": [
            {
                "slug": "defining-purpose-and-membership",
                "title": "Defining purpose and membership",
                "blocks": [
                    ("heading", {"text": "A shared problem, not a shared job title", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Pilot communities succeed when members share a practical problem they care about, "
                        "such as commissioning ventilation systems or handling complex customer complaints. Write a "
                        "one-sentence purpose that names the problem and the people who face it. Aim for twenty to "
                        "forty founding members drawn from different sites, with a few recognised experts and a "
                        "larger group of practitioners who will ask questions. Invite people personally; a direct "
                        "message from the facilitator explaining why their experience matters attracts far more "
                        "active members than an open announcement.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Test the purpose sentence",
                            "text": "<p>If a potential member cannot tell from the purpose whether the community "
                            "is for them, rewrite it.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "planning-the-first-three-months",
                "title": "Planning the first three months",
                "blocks": [
                    (
                        "paragraph",
                        "<p>New communities need a visible rhythm before members will rely on them. Plan the first "
                        "twelve weeks in advance:</p><ul><li>a launch call where members introduce a current "
                        "challenge;</li><li>a fortnightly short online session on a topic members choose;</li><li>a "
                        "weekly question or case posted by the facilitator to prompt discussion;</li><li>one "
                        "practical output, such as a checklist, built together by week ten.</li></ul><p>Ask two or "
                        "three experts in advance to answer early questions quickly. A question left unanswered in "
                        "the first month does more damage than almost anything else.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Setting up a pilot community space on the portal",
                            "video_url": "https://videos.example.org/km/pilot-community-space.mp4",
                            "transcript": "This walkthrough shows how to create a community space on the portal "
                            "for a pilot. We add the purpose sentence to the landing page, choose two or three "
                            "topics so the community's content appears in the right places, and invite the "
                            "founding members. Next we pin a welcome post asking members to introduce themselves "
                            "and a current challenge. Finally we schedule the first three sessions in the events "
                            "list so that members see a rhythm from the first day they visit.",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Planning a pilot community",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "What most damages a new community in its first month?",
                                    "multiple": False,
                                    "explanation": "Early unanswered questions tell members the community is "
                                    "not worth their time.",
                                    "options": [
                                        {
                                            "text": "An unanswered question",
                                            "correct": True,
                                            "feedback": "Correct, line up experts to respond quickly.",
                                        },
                                        {
                                            "text": "A session that runs five minutes over",
                                            "correct": False,
                                            "feedback": "Annoying, but rarely serious.",
                                        },
                                        {
                                            "text": "Members from several different sites",
                                            "correct": False,
                                            "feedback": "Diversity of sites is a strength.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which activities belong in a first three-month plan?",
                                    "multiple": True,
                                    "explanation": "A visible rhythm and a shared output give members reasons "
                                    "to return.",
                                    "options": [
                                        {
                                            "text": "Regular short sessions on member-chosen topics",
                                            "correct": True,
                                            "feedback": "Yes, this builds rhythm and relevance.",
                                        },
                                        {
                                            "text": "A practical output built together",
                                            "correct": True,
                                            "feedback": "Right, it shows the community creates value.",
                                        },
                                        {
                                            "text": "A long policy document on community rules",
                                            "correct": False,
                                            "feedback": "Keep rules short; focus on useful activity.",
                                        },
                                        {
                                            "text": "A weekly prompt from the facilitator",
                                            "correct": True,
                                            "feedback": "Correct, prompts keep discussion going.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "evidencing-pilot-value",
                "title": "Evidencing value for the pilot review",
                "blocks": [
                    (
                        "paragraph",
                        "<p>At the end of the pilot the sponsor will ask what the community achieved. Collect "
                        "evidence as you go rather than at the end. Keep a simple log of questions answered and how "
                        "quickly, outputs produced, and any case where a member reused something from another site. "
                        "Every month, ask two members for a short story in their own words: what problem they had, "
                        "what the community gave them and what difference it made. Combine these with the success "
                        "measures agreed in the business case. A page of numbers and three good stories is usually "
                        "enough to secure a decision on roll-out.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Record failures too",
                            "text": "<p>Note what did not work and why. Honest reporting makes your positive "
                            "findings more credible and helps roll-out planning.</p>",
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ roll-out
    {
        "slug": "facilitation-for-community-leaders",
        "title": "Facilitation for community leaders",
        "summary": (
            "Practical facilitation techniques for people leading communities of practice during roll-out, both in "
            "live sessions and in online discussion."
        ),
        "objectives": [
            "Open and close a session so that learning is captured",
            "Draw in quieter members and manage dominant voices",
            "Keep online threads moving towards useful answers",
            "Share facilitation duties across the community",
        ],
        "audiences": ["community-facilitator"],
        "stage": "rollout",
        "topics": ["facilitation"],
        "minutes": 60,
        "owner": "expert",
        "prerequisites": ["running-a-pilot-community"],
        "lessons": [
            {
                "slug": "opening-and-closing-sessions",
                "title": "Opening and closing a session well",
                "blocks": [
                    ("heading", {"text": "The first and last five minutes", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>The opening of a session sets expectations; the close decides whether anything is "
                        "remembered. Open by stating the question the session will address, how long it will take "
                        "and what will happen to the output. Ask each person a quick check-in question related to "
                        "the topic so that everyone speaks early. Close by reading back the two or three main "
                        "points, agreeing who will write them up, and asking what the next session should cover. "
                        "Post the summary in the community space within a day, while people still remember the "
                        "discussion.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Opening a community call",
                            "video_url": "https://videos.example.org/km/opening-a-community-call.mp4",
                            "transcript": "Here you can watch the first six minutes of a live community call on "
                            "supplier quality. The facilitator states the question for the session, confirms the "
                            "finish time and explains that the summary will be posted the next day. She then asks "
                            "each of the nine participants to name one supplier issue from the past month, in a "
                            "sentence. Notice that she calls people by name in a planned order so no one is left "
                            "wondering when to speak. By the time the main discussion begins, every participant "
                            "has already contributed once.",
                        },
                    ),
                ],
            },
            {
                "slug": "balancing-voices",
                "title": "Drawing in quiet members and balancing strong voices",
                "blocks": [
                    (
                        "paragraph",
                        "<p>In most communities a handful of people do most of the talking. This is rarely "
                        "deliberate, but it narrows the knowledge the group can draw on. Use simple structures to "
                        "rebalance it: ask everyone to write ideas silently for two minutes before discussing; go "
                        "round the group in turn; or use small breakout pairs and ask each pair to report back. "
                        "When someone dominates, acknowledge their point, then say you would like to hear from "
                        "people who have not spoken yet. A quiet word outside the session, asking an expert to help "
                        "you draw others out, often works better than correcting them in public.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Silent writing first",
                            "text": "<p>Two minutes of silent writing before a discussion roughly doubles the "
                            "number of distinct ideas you will hear.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Balancing voices",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which techniques help quieter members contribute?",
                                    "multiple": True,
                                    "explanation": "Structures that give everyone a turn or thinking time reduce "
                                    "the advantage of the most confident speakers.",
                                    "options": [
                                        {
                                            "text": "Silent writing before discussion",
                                            "correct": True,
                                            "feedback": "Yes, it gives everyone time to think.",
                                        },
                                        {
                                            "text": "Going round the group in turn",
                                            "correct": True,
                                            "feedback": "Correct, everyone gets a guaranteed turn.",
                                        },
                                        {
                                            "text": "Open discussion with no structure",
                                            "correct": False,
                                            "feedback": "This usually favours the loudest voices.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "An expert keeps answering every question first. What is the best "
                                    "first step?",
                                    "multiple": False,
                                    "explanation": "Enlisting the expert privately keeps their goodwill and "
                                    "changes the dynamic.",
                                    "options": [
                                        {
                                            "text": "Correct them firmly in front of the group",
                                            "correct": False,
                                            "feedback": "This risks losing a valuable member.",
                                        },
                                        {
                                            "text": "Ask them privately to help draw others out",
                                            "correct": True,
                                            "feedback": "Correct, it turns them into an ally.",
                                        },
                                        {
                                            "text": "Stop inviting them to sessions",
                                            "correct": False,
                                            "feedback": "The community would lose their knowledge.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "keeping-threads-moving",
                "title": "Keeping online threads moving",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Online discussion needs gentle, regular attention. Check the community space at a set "
                        "time each day during roll-out. If a question has had no reply after a working day, tag "
                        "one or two members who are likely to know, with a short personal note. When a thread has "
                        "produced a good answer, post a brief summary at the end and mark it as resolved so that "
                        "future readers can find the conclusion without reading every reply. If a thread drifts, "
                        "suggest starting a new one for the side topic rather than closing the conversation.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Summaries are reusable knowledge",
                            "text": "<p>A good thread summary is often the first draft of a reference page. Save "
                            "the best ones for curation.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "sharing-facilitation-duties",
                "title": "Sharing facilitation duties",
                "blocks": [
                    (
                        "paragraph",
                        "<p>A community that depends on one facilitator is fragile. From the start of roll-out, "
                        "invite members to host individual sessions on topics they know well, and pair a new host "
                        "with an experienced one for their first go. Create a short rota for daily checks of the "
                        "online space. Keep a one-page facilitator guide in the community space with the session "
                        "template, the check-in questions that work well and the contact for technical help. When "
                        "the lead facilitator is on leave or moves on, the community should carry on without a "
                        "noticeable gap.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Sharing the load",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "prompt": "Why share facilitation across members?",
                                    "multiple": False,
                                    "explanation": "Shared facilitation makes the community resilient and builds "
                                    "members' skills.",
                                    "options": [
                                        {
                                            "text": "So the community survives the lead facilitator's absence",
                                            "correct": True,
                                            "feedback": "Correct, resilience is the main reason.",
                                        },
                                        {
                                            "text": "To reduce the number of sessions held",
                                            "correct": False,
                                            "feedback": "Sharing duties does not mean doing less.",
                                        },
                                        {
                                            "text": "Because facilitators are not allowed to run every session",
                                            "correct": False,
                                            "feedback": "There is no such rule; it is good practice.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "What belongs in a one-page facilitator guide?",
                                    "multiple": True,
                                    "explanation": "The guide should let a new host run a session with little "
                                    "preparation.",
                                    "options": [
                                        {
                                            "text": "A session template",
                                            "correct": True,
                                            "feedback": "Yes, it gives structure to new hosts.",
                                        },
                                        {
                                            "text": "Check-in questions that work well",
                                            "correct": True,
                                            "feedback": "Right, these are quick to reuse.",
                                        },
                                        {
                                            "text": "A full history of every past session",
                                            "correct": False,
                                            "feedback": "Too long for a one-page guide.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "moderating-and-curating-community-content",
        "title": "Moderating and curating community content",
        "summary": (
            "How to moderate community discussion fairly and turn the best of it into curated reference material that "
            "people across the organisation can rely on."
        ),
        "objectives": [
            "Apply the community guidelines consistently and kindly",
            "Handle sensitive or inaccurate posts",
            "Select discussion worth curating",
            "Turn a thread into a reviewed reference page",
        ],
        "audiences": ["community-facilitator", "local-knowledge-manager"],
        "stage": "rollout",
        "topics": ["community-moderation", "content-curation"],
        "minutes": 55,
        "owner": "editor",
        "prerequisites": ["facilitation-for-community-leaders"],
        "lessons": [
            {
                "slug": "applying-community-guidelines",
                "title": "Applying community guidelines",
                "blocks": [
                    ("heading", {"text": "Light touch, consistent hand", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Good moderation is mostly invisible. The community guidelines ask members to be "
                        "respectful, to keep confidential client details out of open spaces and to stay broadly on "
                        "topic. Apply them in the same way to everyone, including senior staff. For minor issues, "
                        "such as a post in the wrong place, move it and leave a friendly note. For tone problems, "
                        "message the person privately first. Reserve public intervention for cases where other "
                        "members need to see that the guidelines are enforced. Record every significant action in "
                        "the moderation log so decisions are consistent between moderators.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Assume good intent",
                            "text": "<p>Most problem posts come from people in a hurry, not people trying to cause "
                            "trouble. Start from that assumption.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "handling-sensitive-or-inaccurate-posts",
                "title": "Handling sensitive or inaccurate posts",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Two situations need prompt action. If a post contains <strong>confidential or personal "
                        "information</strong>, hide it at once, tell the author why and help them repost without the "
                        "sensitive detail. If a post contains <strong>technically inaccurate advice</strong> that "
                        "could cause harm, do not delete it silently. Ask a recognised expert to reply with the "
                        "correct position, then add a moderator note at the top pointing to that reply. Silent "
                        "deletion leaves others who saw the original unaware that it was wrong. Escalate anything "
                        "involving safety or legal risk to your local knowledge manager the same day.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Safety issues cannot wait",
                            "text": "<p>If inaccurate advice could lead to injury or a regulatory breach, hide the "
                            "post first and ask questions afterwards.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Sensitive and inaccurate posts",
                            "pass_mark": 80,
                            "questions": [
                                {
                                    "prompt": "A member posts a client's full contract value in an open thread. "
                                    "What should you do first?",
                                    "multiple": False,
                                    "explanation": "Confidential details must be removed from view immediately, "
                                    "then the author helped to repost.",
                                    "options": [
                                        {
                                            "text": "Hide the post and tell the author why",
                                            "correct": True,
                                            "feedback": "Correct, act quickly and explain kindly.",
                                        },
                                        {
                                            "text": "Reply publicly asking them to edit it",
                                            "correct": False,
                                            "feedback": "This draws more attention to the detail.",
                                        },
                                        {
                                            "text": "Leave it, as the thread is internal",
                                            "correct": False,
                                            "feedback": "Internal spaces still have confidentiality rules.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "How should you handle a post with inaccurate but not dangerous "
                                    "technical advice?",
                                    "multiple": False,
                                    "explanation": "A visible correction protects everyone who already read the "
                                    "original post.",
                                    "options": [
                                        {
                                            "text": "Delete it without comment",
                                            "correct": False,
                                            "feedback": "Readers would not learn it was wrong.",
                                        },
                                        {
                                            "text": "Ask an expert to reply and add a moderator note",
                                            "correct": True,
                                            "feedback": "Yes, the correction stays visible.",
                                        },
                                        {
                                            "text": "Ban the author from posting",
                                            "correct": False,
                                            "feedback": "Far too severe for an honest mistake.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "selecting-content-to-curate",
                "title": "Selecting discussion worth curating",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Not every good thread should become reference material. Curate when a topic keeps "
                        "coming up, when the community has reached a clear consensus, or when an answer took real "
                        "effort to assemble from several experts. Leave alone discussions that are still contested, "
                        "that apply to one project only, or that are already covered by an existing page; in the "
                        "last case, link the thread to that page instead. Keep a short curation backlog in the "
                        "community space and review it monthly with your local knowledge manager so that effort "
                        "goes to the topics people search for most.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "What to curate",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which threads are good candidates for curation?",
                                    "multiple": True,
                                    "explanation": "Recurring topics with a settled answer give the best return "
                                    "on curation effort.",
                                    "options": [
                                        {
                                            "text": "A question asked for the fourth time this year",
                                            "correct": True,
                                            "feedback": "Yes, recurrence shows lasting demand.",
                                        },
                                        {
                                            "text": "A thread where experts reached a clear consensus",
                                            "correct": True,
                                            "feedback": "Right, the answer is stable enough to publish.",
                                        },
                                        {
                                            "text": "A heated debate with no agreement",
                                            "correct": False,
                                            "feedback": "Wait until the community settles the question.",
                                        },
                                        {
                                            "text": "A request specific to one project",
                                            "correct": False,
                                            "feedback": "Too narrow to justify a reference page.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "A good thread repeats advice already on an existing reference page. "
                                    "What should you do?",
                                    "multiple": False,
                                    "explanation": "Linking avoids duplicate pages that drift apart "
                                    "and confuse readers.",
                                    "options": [
                                        {
                                            "text": "Link the thread to the existing page",
                                            "correct": True,
                                            "feedback": "Correct, one maintained page is better than two.",
                                        },
                                        {
                                            "text": "Create a second page from the thread",
                                            "correct": False,
                                            "feedback": "Duplicates soon contradict each other.",
                                        },
                                        {
                                            "text": "Delete the thread",
                                            "correct": False,
                                            "feedback": "The discussion still has value for members.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "from-thread-to-reference-page",
                "title": "From thread to reference page",
                "blocks": [
                    ("heading", {"text": "Four steps to a reliable page", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Turning a thread into a reference page follows a simple sequence:</p><ol><li>extract "
                        "the question and the agreed answer, removing names and conversational detail;</li><li>add "
                        "context: when the advice applies and when it does not;</li><li>ask one of the experts "
                        "from the thread to review the draft;</li><li>publish with an owner, a review date and "
                        "consistent tags, and link back to the original discussion.</li></ol><p>The link back "
                        "matters. It credits contributors and lets curious readers see how the conclusion was "
                        "reached.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Curating a thread into a reference page",
                            "video_url": "https://videos.example.org/km/thread-to-reference-page.mp4",
                            "transcript": "We start with a long thread about calibrating pressure sensors on "
                            "site, with twenty-three replies over two weeks. The curator copies the original "
                            "question and the three replies that the community agreed were correct into a new "
                            "reference page draft. She rewrites them as a short procedure, adds a section on when "
                            "the procedure does not apply, and sends it to the expert who gave the key answer. "
                            "After review she publishes it with an owner, a twelve-month review date and the same "
                            "tags as the thread, then posts a link in the thread itself.",
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "onboarding-knowledge-workers",
        "title": "Onboarding knowledge workers to the portal and new ways of working",
        "summary": (
            "A practical introduction for staff joining the programme during roll-out: finding knowledge on the "
            "portal, joining communities and using the new learning routines in everyday work."
        ),
        "objectives": [
            "Find trusted answers on the portal quickly",
            "Join and contribute to a relevant community",
            "Take part confidently in reviews and peer assists",
        ],
        "audiences": ["knowledge-worker", "hr-learning"],
        "stage": "rollout",
        "topics": ["onboarding", "adoption-and-engagement"],
        "minutes": 40,
        "owner": "editor",
        "prerequisites": [],
        "lessons": [
            {
                "slug": "finding-answers-on-the-portal",
                "title": "Finding answers on the portal",
                "blocks": [
                    (
                        "paragraph",
                        "<p>The portal brings together reference pages, community discussions and the lessons "
                        "register. When you need an answer, start with search and use the topic filters to narrow "
                        "the results. Look for pages marked as <strong>reviewed</strong>, which show an owner and a "
                        "review date; these are the most reliable. If the answer is not there, search the "
                        "community discussions next, then ask your question in the most relevant community. Check "
                        "the expertise directory if you need to speak to someone directly. Following this order "
                        "usually gets you a trustworthy answer within minutes.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "A five-minute tour of the portal",
                            "video_url": "https://videos.example.org/km/portal-tour.mp4",
                            "transcript": "This tour covers the parts of the portal you will use most often. We "
                            "begin with search, typing a short phrase and using the topic filter on the left to "
                            "narrow the results. Next we open a reference page and point out the owner, the review "
                            "date and the related lessons at the bottom. Then we visit a community space, follow "
                            "it so that new posts appear in your digest, and look at how resolved threads are "
                            "marked. We finish in the expertise directory, searching for people by topic.",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Finding answers",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "prompt": "Which results should you trust most?",
                                    "multiple": False,
                                    "explanation": "Reviewed pages have a named owner and have been checked recently.",
                                    "options": [
                                        {
                                            "text": "Reviewed pages with an owner and review date",
                                            "correct": True,
                                            "feedback": "Correct, these have been checked by someone accountable.",
                                        },
                                        {
                                            "text": "The oldest page on the topic",
                                            "correct": False,
                                            "feedback": "Age says nothing about accuracy.",
                                        },
                                        {
                                            "text": "Any document with the most downloads",
                                            "correct": False,
                                            "feedback": "Popular is not the same as correct.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "What should you do if search does not find an answer?",
                                    "multiple": True,
                                    "explanation": "Communities and the expertise directory are the next places "
                                    "to look.",
                                    "options": [
                                        {
                                            "text": "Search the community discussions",
                                            "correct": True,
                                            "feedback": "Yes, many answers live there first.",
                                        },
                                        {
                                            "text": "Ask in the most relevant community",
                                            "correct": True,
                                            "feedback": "Right, members are there to help.",
                                        },
                                        {
                                            "text": "Give up and start from scratch",
                                            "correct": False,
                                            "feedback": "Someone has probably solved it before.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "joining-a-community",
                "title": "Joining and contributing to a community",
                "blocks": [
                    ("heading", {"text": "From reader to contributor", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Choose one or two communities linked to your daily work rather than following "
                        "everything. Spend the first week reading, then introduce yourself with your role and one "
                        "current challenge. The easiest first contribution is a reply to someone else's question, "
                        "even if it is only to share how your site handles the same issue. When you ask a question, "
                        "give enough context for others to help: what you are trying to do, what you have tried "
                        "and any constraints. Once you have a useful answer, say so in the thread; it helps the "
                        "next person and encourages those who replied.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Use the weekly digest",
                            "text": "<p>Switch on the weekly digest for your communities so you see new questions "
                            "without checking the portal every day.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "taking-part-in-reviews",
                "title": "Taking part in reviews and peer assists",
                "blocks": [
                    (
                        "paragraph",
                        "<p>As the programme rolls out you will be invited to after-action reviews at the end of "
                        "significant work and, sometimes, to peer assists for other teams. In a review, describe "
                        "what actually happened as specifically as you can and focus on causes rather than people. "
                        "It is fine to say that something went wrong; that is how the team learns. In a peer assist, "
                        "share your experience and offer options, but remember that the host team makes the "
                        "decision. Both sessions are short, and the lessons they produce may save a colleague weeks "
                        "of effort.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Reviews are not performance appraisals",
                            "text": "<p>Nothing said in an after-action review is used in individual performance "
                            "assessments. This is part of the programme's published policy.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Reviews and peer assists",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "What should you focus on in an after-action review?",
                                    "multiple": False,
                                    "explanation": "Reviews look at causes and improvements, not at individual blame.",
                                    "options": [
                                        {
                                            "text": "Who was responsible for each mistake",
                                            "correct": False,
                                            "feedback": "Blame shuts down honest discussion.",
                                        },
                                        {
                                            "text": "What happened, why, and what to change",
                                            "correct": True,
                                            "feedback": "Correct, that is the purpose of the review.",
                                        },
                                        {
                                            "text": "Praising the final result",
                                            "correct": False,
                                            "feedback": "Recognition is welcome, but learning is the aim.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "In a peer assist for another team, who decides what to do?",
                                    "multiple": False,
                                    "explanation": "The host team owns the work and the decision.",
                                    "options": [
                                        {
                                            "text": "The host team",
                                            "correct": True,
                                            "feedback": "Correct, visitors advise and the hosts decide.",
                                        },
                                        {
                                            "text": "The most experienced visitor",
                                            "correct": False,
                                            "feedback": "Visitors offer options, not decisions.",
                                        },
                                        {
                                            "text": "The KM champion",
                                            "correct": False,
                                            "feedback": "The champion facilitates but does not decide.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "supporting-new-starters",
                "title": "Supporting new starters with the portal",
                "blocks": [
                    (
                        "paragraph",
                        "<p>HR and learning colleagues and line managers can make the portal part of induction "
                        "from day one. Add a short portal task to the first-week checklist: find the reference page "
                        "for a core process, follow one community and look up two experts in the directory. Pair "
                        "each new starter with a buddy who shows them how their team records lessons. At the end "
                        "of the first month, ask the new starter what they could not find; their fresh eyes are "
                        "one of the best sources of feedback on gaps in the portal's content and structure.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Collect the first-month gaps",
                            "text": "<p>Send new starters' lists of missing content to the local knowledge manager. "
                            "A pattern across several starters shows where to invest.</p>",
                        },
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------ sustain
    {
        "slug": "keeping-reference-material-current",
        "title": "Keeping reference material current",
        "summary": (
            "How local knowledge managers and content owners keep reference pages accurate over time through review "
            "cycles, clear ownership and timely retirement."
        ),
        "objectives": [
            "Set review intervals that match the risk of each page",
            "Run an efficient review cycle with content owners",
            "Retire or archive material that is no longer valid",
        ],
        "audiences": ["local-knowledge-manager"],
        "stage": "sustain",
        "topics": ["reference-material", "review-and-retirement"],
        "minutes": 45,
        "owner": "editor",
        "prerequisites": ["moderating-and-curating-community-content"],
        "lessons": [
            {
                "slug": "setting-review-intervals",
                "title": "Setting review intervals by risk",
                "blocks": [
                    ("heading", {"text": "Not every page needs the same attention", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>A single review interval for every page wastes effort on stable material and neglects "
                        "risky material. Set intervals by asking two questions: how quickly does this subject "
                        "change, and what happens if someone follows out-of-date advice? Pages covering safety, "
                        "regulation or pricing might need review every six months. Stable guidance, such as how to "
                        "run a meeting, can safely wait two years. Record the interval and the reason on each page "
                        "so that future owners understand the choice and can adjust it if circumstances change.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Review intervals",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which page needs the shortest review interval?",
                                    "multiple": False,
                                    "explanation": "Fast-changing subjects with serious consequences if wrong "
                                    "need the most frequent review.",
                                    "options": [
                                        {
                                            "text": "Guidance on regulatory reporting deadlines",
                                            "correct": True,
                                            "feedback": "Correct, it changes and errors are costly.",
                                        },
                                        {
                                            "text": "Tips for running effective meetings",
                                            "correct": False,
                                            "feedback": "This is stable, low-risk guidance.",
                                        },
                                        {
                                            "text": "A history of the organisation",
                                            "correct": False,
                                            "feedback": "History changes very slowly.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which factors should set a page's review interval?",
                                    "multiple": True,
                                    "explanation": "Rate of change and consequence of error together determine risk.",
                                    "options": [
                                        {
                                            "text": "How quickly the subject changes",
                                            "correct": True,
                                            "feedback": "Yes, volatile subjects go stale quickly.",
                                        },
                                        {
                                            "text": "The impact of following out-of-date advice",
                                            "correct": True,
                                            "feedback": "Right, higher impact means more frequent review.",
                                        },
                                        {
                                            "text": "How long the page is",
                                            "correct": False,
                                            "feedback": "Length does not determine risk.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "running-a-review-cycle",
                "title": "Running an efficient review cycle",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Owners are busy, so make reviews easy. A month before a page is due, send the owner a "
                        "reminder with a direct link and three simple choices: <em>confirm as current</em>, "
                        "<em>update</em> or <em>retire</em>. Include any comments readers have left and any recent "
                        "lessons tagged to the same topic, since these often signal what needs to change. If an "
                        "owner has moved on, find a new one before the review date rather than after. Report "
                        "monthly on overdue reviews by area; a short, visible list does more to keep content "
                        "current than repeated reminders.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Using the review dashboard",
                            "video_url": "https://videos.example.org/km/review-dashboard.mp4",
                            "transcript": "This video shows the review dashboard available to local knowledge "
                            "managers. The top panel lists pages due for review in the next thirty days, grouped "
                            "by owner. We open one page and see the reader comments and related lessons collected "
                            "alongside it. We then look at the overdue panel, filter it by department and export "
                            "the list for the monthly report. Finally we reassign a page whose owner has left, "
                            "choosing a new owner from the expertise directory and sending them a short "
                            "introduction.",
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Make confirming quick",
                            "text": "<p>If a page is still correct, confirming it should take the owner under a "
                            "minute. Anything slower and reviews will slip.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "retiring-and-archiving",
                "title": "Retiring and archiving material",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Out-of-date pages do more harm than missing ones, because readers trust them. Retire a "
                        "page when its process has been replaced, when a newer page covers the same ground, or when "
                        "nobody can be found to own it. Before retiring, check what links to the page and redirect "
                        "those links to the replacement. Archive rather than delete when the page may be needed for "
                        "audit or to understand past decisions; archived pages should be clearly marked and hidden "
                        "from default search results. Tell the relevant community what has been retired and why.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Check links before retiring",
                            "text": "<p>Retiring a page without redirecting its links leaves dead ends in other "
                            "pages, lessons and community threads.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Retirement decisions",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "When should a page be archived rather than deleted?",
                                    "multiple": False,
                                    "explanation": "Archiving keeps the record for audit and context while "
                                    "removing it from everyday use.",
                                    "options": [
                                        {
                                            "text": "When it may be needed for audit or to explain past decisions",
                                            "correct": True,
                                            "feedback": "Correct, the record stays available but out of the way.",
                                        },
                                        {
                                            "text": "Whenever it has many page views",
                                            "correct": False,
                                            "feedback": "Popularity is not a reason to keep outdated advice.",
                                        },
                                        {
                                            "text": "Never; all old pages should be deleted",
                                            "correct": False,
                                            "feedback": "Some records must be kept for audit.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Which are good reasons to retire a page?",
                                    "multiple": True,
                                    "explanation": "Pages should go when they are superseded, duplicated or ownerless.",
                                    "options": [
                                        {
                                            "text": "Its process has been replaced",
                                            "correct": True,
                                            "feedback": "Yes, the advice no longer applies.",
                                        },
                                        {
                                            "text": "A newer page covers the same ground",
                                            "correct": True,
                                            "feedback": "Right, duplicates confuse readers.",
                                        },
                                        {
                                            "text": "It was written more than a year ago",
                                            "correct": False,
                                            "feedback": "Age alone is not a reason if it is still correct.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
    {
        "slug": "measuring-km",
        "title": "Measuring knowledge management",
        "summary": (
            "How to measure whether the KM programme is working once it is established, using a small set of "
            "outcome, activity and health measures reported in a way leaders will use."
        ),
        "objectives": [
            "Choose a balanced set of KM measures",
            "Assess the health of communities of practice",
            "Collect and use stories of reuse",
            "Report results that lead to decisions",
        ],
        "audiences": ["manager", "local-knowledge-manager"],
        "stage": "sustain",
        "topics": ["measuring-km", "community-health"],
        "minutes": 50,
        "owner": "expert",
        "prerequisites": ["building-the-km-business-case"],
        "lessons": [
            {
                "slug": "choosing-balanced-measures",
                "title": "Choosing a balanced set of measures",
                "blocks": [
                    ("heading", {"text": "Outcome, activity and health", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>A sustainable measurement framework uses a few measures of three kinds. "
                        "<strong>Outcome</strong> measures show business results, such as reduced rework or faster "
                        "time to competence. <strong>Activity</strong> measures show that the practices are "
                        "happening, such as reviews held or lessons actioned. <strong>Health</strong> measures show "
                        "whether the system will keep working, such as the share of reference pages within their "
                        "review date or the number of active community contributors. Six to eight measures in total "
                        "is plenty. More than that and nobody reads the report.</p>",
                    ),
                    (
                        "quiz",
                        {
                            "title": "Types of measure",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which is a health measure?",
                                    "multiple": False,
                                    "explanation": "Health measures show whether the KM system is being "
                                    "maintained and will keep working.",
                                    "options": [
                                        {
                                            "text": "Share of reference pages within their review date",
                                            "correct": True,
                                            "feedback": "Correct, it shows whether content is being maintained.",
                                        },
                                        {
                                            "text": "Reduction in repeat defects",
                                            "correct": False,
                                            "feedback": "That is an outcome measure.",
                                        },
                                        {
                                            "text": "Number of after-action reviews held",
                                            "correct": False,
                                            "feedback": "That is an activity measure.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "Why limit the framework to six to eight measures?",
                                    "multiple": False,
                                    "explanation": "A short set is easier to collect reliably and to act on.",
                                    "options": [
                                        {
                                            "text": "Longer reports tend not to be read or acted on",
                                            "correct": True,
                                            "feedback": "Yes, focus makes the report useful.",
                                        },
                                        {
                                            "text": "The portal cannot store more data",
                                            "correct": False,
                                            "feedback": "This is not a technical limit.",
                                        },
                                        {
                                            "text": "Measures beyond eight are always inaccurate",
                                            "correct": False,
                                            "feedback": "Accuracy is not the issue; attention is.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "assessing-community-health",
                "title": "Assessing community health",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Member numbers say little about whether a community is healthy. Look instead at "
                        "patterns of participation: how many different people posted or replied in the last "
                        "quarter, how quickly questions receive a first answer, and whether new members go on to "
                        "contribute. Twice a year, run a short member survey asking whether the community has saved "
                        "them time or improved their work, and what would make it more useful. Discuss the results "
                        "with the facilitator rather than publishing a league table; the aim is to help each "
                        "community improve, not to rank them.</p>",
                    ),
                    (
                        "screencast",
                        {
                            "title": "Reading the community health report",
                            "video_url": "https://videos.example.org/km/community-health-report.mp4",
                            "transcript": "In this video we open the community health report for a mature "
                            "community. The first chart shows distinct contributors per month, which has held "
                            "steady at around thirty. The second shows median time to first reply, which has "
                            "crept up from four hours to two days. We then look at which questions went "
                            "unanswered and notice they cluster around one new topic. The facilitator and local "
                            "knowledge manager agree to invite two specialists in that topic to join, and to "
                            "check the chart again next quarter.",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Community health",
                            "pass_mark": 70,
                            "questions": [
                                {
                                    "prompt": "Which indicators say most about a community's health?",
                                    "multiple": True,
                                    "explanation": "Participation patterns and responsiveness show whether a "
                                    "community is genuinely working.",
                                    "options": [
                                        {
                                            "text": "Distinct contributors in the last quarter",
                                            "correct": True,
                                            "feedback": "Yes, breadth of participation matters.",
                                        },
                                        {
                                            "text": "Time to first answer",
                                            "correct": True,
                                            "feedback": "Right, responsiveness keeps members coming back.",
                                        },
                                        {
                                            "text": "Total number of members",
                                            "correct": False,
                                            "feedback": "Many members may never take part.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "How should community health results be used?",
                                    "multiple": False,
                                    "explanation": "Health measures are for improvement conversations, "
                                    "not for ranking communities.",
                                    "options": [
                                        {
                                            "text": "Discussed with the facilitator to agree improvements",
                                            "correct": True,
                                            "feedback": "Correct, the aim is to help each community improve.",
                                        },
                                        {
                                            "text": "Published as a league table of communities",
                                            "correct": False,
                                            "feedback": "Rankings discourage honest reporting.",
                                        },
                                        {
                                            "text": "Used to close the smallest communities",
                                            "correct": False,
                                            "feedback": "Size alone does not show whether a community is useful.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
            {
                "slug": "collecting-stories-of-reuse",
                "title": "Collecting stories of reuse",
                "blocks": [
                    (
                        "paragraph",
                        "<p>Numbers show scale; stories show cause and effect. A good reuse story names a specific "
                        "piece of knowledge, the person or team who reused it, and the difference it made, ideally "
                        "with a rough figure such as days saved or a defect avoided. Ask champions and facilitators "
                        "to pass on one story each per quarter, and follow up with a ten-minute conversation to get "
                        "the details right. Check the story with the people involved before it is shared. Over time "
                        "a small library of verified stories becomes one of the programme's most persuasive assets."
                        "</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Verify before you publish",
                            "text": "<p>An exaggerated story that is later challenged damages trust in every other "
                            "result you report.</p>",
                        },
                    ),
                ],
            },
            {
                "slug": "reporting-for-decisions",
                "title": "Reporting results that lead to decisions",
                "blocks": [
                    (
                        "paragraph",
                        "<p>A KM report is only useful if someone acts on it. Keep the quarterly report to one page "
                        "for leaders, with the measures shown as simple trends, two reuse stories and no more than "
                        "three recommendations. Each recommendation should name a decision, for example funding a "
                        "facilitator for a growing community or retiring a community that has served its purpose. "
                        "Put supporting detail in an appendix for those who want it. Finish each report by recording "
                        "what was decided last time and what has happened since, so leaders can see that their "
                        "decisions have effect.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Lead with the decision",
                            "text": "<p>Open the report with the decisions you need, then show the evidence. "
                            "Leaders read the first paragraph; make it count.</p>",
                        },
                    ),
                    (
                        "quiz",
                        {
                            "title": "Reporting",
                            "pass_mark": 60,
                            "questions": [
                                {
                                    "prompt": "What should each recommendation in a KM report do?",
                                    "multiple": False,
                                    "explanation": "Recommendations are useful when they ask for a specific decision.",
                                    "options": [
                                        {
                                            "text": "Name a specific decision for leaders",
                                            "correct": True,
                                            "feedback": "Correct, that makes the report actionable.",
                                        },
                                        {
                                            "text": "Summarise all the data collected",
                                            "correct": False,
                                            "feedback": "Detail belongs in the appendix.",
                                        },
                                        {
                                            "text": "Thank every contributor by name",
                                            "correct": False,
                                            "feedback": "Recognition matters but is not a recommendation.",
                                        },
                                    ],
                                },
                                {
                                    "prompt": "What belongs on the one-page leaders' summary?",
                                    "multiple": True,
                                    "explanation": "Trends, a few stories and clear recommendations give leaders "
                                    "what they need to decide.",
                                    "options": [
                                        {
                                            "text": "Simple trends for each measure",
                                            "correct": True,
                                            "feedback": "Yes, trends show direction at a glance.",
                                        },
                                        {
                                            "text": "Two reuse stories",
                                            "correct": True,
                                            "feedback": "Right, stories make the numbers real.",
                                        },
                                        {
                                            "text": "Full survey responses",
                                            "correct": False,
                                            "feedback": "Too detailed; put them in an appendix.",
                                        },
                                        {
                                            "text": "Up to three recommendations",
                                            "correct": True,
                                            "feedback": "Correct, a few clear asks work best.",
                                        },
                                    ],
                                },
                            ],
                        },
                    ),
                ],
            },
        ],
    },
]

PATHS = [
    {
        "slug": "manager-investigation-stage",
        "title": "Managers: investigation stage",
        "summary": "For managers deciding whether and where knowledge management could help their area.",
        "goal": (
            "Understand what the programme asks of managers and produce a short, evidence-based case for a pilot in "
            "your own area."
        ),
        "audience": "manager",
        "stage": "investigation",
        "modules": ["km-awareness-for-managers", "building-the-km-business-case", "measuring-km"],
    },
    {
        "slug": "km-champion-pilot-stage",
        "title": "KM champion: pilot stage",
        "summary": "The skills a KM champion needs to run learning routines and a small community during a pilot.",
        "goal": (
            "Run after-action reviews and peer assists confidently, capture reusable lessons and launch a pilot "
            "community with evidence of its value."
        ),
        "audience": "km-champion",
        "stage": "pilot",
        "modules": ["km-awareness-for-managers", "km-champion-pilot-skills", "running-a-pilot-community"],
    },
    {
        "slug": "community-facilitator-rollout-stage",
        "title": "Community facilitator: roll-out stage",
        "summary": "Leading, moderating and curating communities of practice as the programme rolls out.",
        "goal": (
            "Lead lively, well-moderated communities that welcome new members and turn their best discussions into "
            "trusted reference material."
        ),
        "audience": "community-facilitator",
        "stage": "rollout",
        "modules": [
            "running-a-pilot-community",
            "facilitation-for-community-leaders",
            "moderating-and-curating-community-content",
            "onboarding-knowledge-workers",
        ],
    },
    {
        "slug": "local-knowledge-manager-sustain-stage",
        "title": "Local knowledge manager: sustain stage",
        "summary": "Keeping content trustworthy and showing the programme's value once it is established.",
        "goal": (
            "Keep reference material current through risk-based reviews and report KM results in a form that leads "
            "to decisions."
        ),
        "audience": "local-knowledge-manager",
        "stage": "sustain",
        "modules": ["moderating-and-curating-community-content", "keeping-reference-material-current", "measuring-km"],
    },
    {
        "slug": "knowledge-worker-getting-started",
        "title": "Knowledge worker: getting started",
        "summary": "A short path for staff joining the programme during roll-out.",
        "goal": "Find trusted answers on the portal, join a community and take part confidently in reviews.",
        "audience": "knowledge-worker",
        "stage": "rollout",
        "modules": ["onboarding-knowledge-workers", "km-awareness-for-managers", "keeping-reference-material-current"],
    },
]

LEARNERS = [
    {
        "username": "learner1",
        "first_name": "Priya",
        "last_name": "Raman",
        "path": "km-champion-pilot-stage",
        "completed_lessons": 11,
        "failed_quiz_first": False,
    },
    {
        "username": "learner2",
        "first_name": "Tom",
        "last_name": "Becker",
        "path": "manager-investigation-stage",
        "completed_lessons": 3,
        "failed_quiz_first": True,
    },
    {
        "username": "learner3",
        "first_name": "Amara",
        "last_name": "Okafor",
        "path": "community-facilitator-rollout-stage",
        "completed_lessons": 9,
        "failed_quiz_first": True,
    },
    {
        "username": "learner4",
        "first_name": "Gareth",
        "last_name": "Llewellyn",
        "path": "local-knowledge-manager-sustain-stage",
        "completed_lessons": 5,
        "failed_quiz_first": False,
    },
    {
        "username": "learner5",
        "first_name": "Sinead",
        "last_name": "Byrne",
        "path": "knowledge-worker-getting-started",
        "completed_lessons": 0,
        "failed_quiz_first": False,
    },
    {
        "username": "learner6",
        "first_name": "Hamza",
        "last_name": "Qureshi",
        "path": "community-facilitator-rollout-stage",
        "completed_lessons": 2,
        "failed_quiz_first": False,
    },
]
