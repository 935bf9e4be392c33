"""Demo content for the communities: people, communities, blog posts, wiki pages and discussion threads.

Plain data only. Every text here was written for this portal. Usernames refer to ``PEOPLE``; topic slugs refer to
``home.demo_library_data.TOPICS``. Wiki revisions are listed oldest first and each holds the full page text.
"""

PEOPLE = [
    {
        "username": "priya.raman",
        "first_name": "Priya",
        "last_name": "Raman",
        "job_title": "Head of Knowledge Management",
        "department": "Strategy",
        "organisation": "Northbridge Group",
        "bio": (
            "Priya leads the group knowledge management programme and chairs the Knowledge Strategy Forum. Before "
            "joining Northbridge she ran lessons-learned work for a rail infrastructure consultancy. She is most "
            "interested in linking knowledge work to the decisions managers actually make."
        ),
        "expertise": ["knowledge-strategy", "km-governance", "measuring-km"],
        "ask_me_about": ["km strategy", "quarterly reviews", "sponsorship"],
    },
    {
        "username": "tomasz.nowak",
        "first_name": "Tomasz",
        "last_name": "Nowak",
        "job_title": "Community Programme Lead",
        "department": "Strategy",
        "organisation": "Northbridge Group",
        "bio": (
            "Tomasz supports the facilitators of Northbridge's twenty-odd communities of practice and runs the "
            "fortnightly facilitator clinic. He started out as a quality engineer and still thinks in checklists."
        ),
        "expertise": ["communities-of-practice", "facilitation", "community-health"],
        "ask_me_about": ["quiet communities", "facilitator clinic", "health checks"],
    },
    {
        "username": "aisha.bello",
        "first_name": "Aisha",
        "last_name": "Bello",
        "job_title": "HR Business Partner",
        "department": "HR",
        "organisation": "Northbridge Group",
        "bio": (
            "Aisha partners with the operations and engineering directorates on workforce planning. She introduced "
            "structured handover conversations for leavers and co-facilitates the New Joiners' Network."
        ),
        "expertise": ["knowledge-retention", "leaver-knowledge-capture", "onboarding"],
        "ask_me_about": ["leaver handovers", "workforce planning", "induction"],
    },
    {
        "username": "liam.oconnor",
        "first_name": "Liam",
        "last_name": "O'Connor",
        "job_title": "Operations Director",
        "department": "Operations",
        "organisation": "Northbridge Group",
        "bio": (
            "Liam is responsible for Northbridge's five distribution sites and sponsors the Atlas ERP roll-out on the "
            "operations side. He pushes hard for knowledge work that shows up in safety and service figures."
        ),
        "expertise": ["knowledge-strategy", "business-case-and-metrics"],
        "ask_me_about": ["site operations", "sponsoring change", "kpis"],
    },
    {
        "username": "mei.chen",
        "first_name": "Mei",
        "last_name": "Chen",
        "job_title": "ERP Training Lead",
        "department": "IT",
        "organisation": "Northbridge Group",
        "bio": (
            "Mei designs and delivers the training programme for the Atlas ERP upgrade and facilitates its user "
            "community. She has trained more than 600 colleagues across finance, procurement and the warehouses."
        ),
        "expertise": ["adoption-and-engagement", "change-management", "facilitation"],
        "ask_me_about": ["atlas training", "sandbox access", "super-users"],
    },
    {
        "username": "rafael.souza",
        "first_name": "Rafael",
        "last_name": "Souza",
        "job_title": "Finance Systems Analyst",
        "department": "Finance",
        "organisation": "Northbridge Group",
        "bio": (
            "Rafael configured the purchasing and accounts payable modules in Atlas and now looks after them day to "
            "day. He writes most of the community's how-to notes on purchase orders and month-end."
        ),
        "expertise": ["collaboration-tools", "reference-material"],
        "ask_me_about": ["purchase orders", "month-end close", "report variants"],
    },
    {
        "username": "hannah.schmidt",
        "first_name": "Hannah",
        "last_name": "Schmidt",
        "job_title": "Learning and Development Manager",
        "department": "HR",
        "organisation": "Northbridge Group",
        "bio": (
            "Hannah runs the group's onboarding and management development programmes. She set up the buddy scheme "
            "pilot in 2024 and is keen to hear what new joiners find confusing."
        ),
        "expertise": ["onboarding", "buddy-schemes", "facilitation"],
        "ask_me_about": ["buddy scheme", "induction design", "coffee roulette"],
    },
    {
        "username": "kwame.mensah",
        "first_name": "Kwame",
        "last_name": "Mensah",
        "job_title": "Senior Project Manager",
        "department": "Engineering",
        "organisation": "Northbridge Group",
        "bio": (
            "Kwame manages capital projects such as depot fit-outs and conveyor replacements. He facilitates the "
            "Project Lessons Exchange and has run more after-action reviews than he can count."
        ),
        "expertise": ["lessons-learned", "after-action-reviews", "project-retrospectives"],
        "ask_me_about": ["after-action reviews", "gate reviews", "retrospectives"],
    },
    {
        "username": "sofia.lindqvist",
        "first_name": "Sofia",
        "last_name": "Lindqvist",
        "job_title": "Customer Service Knowledge Lead",
        "department": "Customer service",
        "organisation": "Northbridge Group",
        "bio": (
            "Sofia owns the knowledge base used by 180 customer service advisers. She introduced article owners and a "
            "six-month review cycle, and she reads the failed-search report every Monday morning."
        ),
        "expertise": ["content-curation", "review-and-retirement", "tagging-practice"],
        "ask_me_about": ["knowledge articles", "article review", "search gaps"],
    },
    {
        "username": "arjun.mehta",
        "first_name": "Arjun",
        "last_name": "Mehta",
        "job_title": "Solution Architect",
        "department": "IT",
        "organisation": "Northbridge Group",
        "bio": (
            "Arjun designs integrations between Atlas, the CRM and the intranet search service. He is happiest "
            "explaining why a document does or does not turn up in search results."
        ),
        "expertise": ["enterprise-search", "tool-selection"],
        "ask_me_about": ["search indexing", "integrations", "vendor selection"],
    },
    {
        "username": "fatima.haddad",
        "first_name": "Fatima",
        "last_name": "Haddad",
        "job_title": "Senior Legal Counsel",
        "department": "Legal",
        "organisation": "Northbridge Group",
        "bio": (
            "Fatima advises on commercial contracts, data protection and records management. She reviews "
            "customer-facing knowledge articles that touch on refunds, liability or personal data."
        ),
        "expertise": ["km-policies", "review-and-retirement"],
        "ask_me_about": ["records retention", "data protection", "contract wording"],
    },
    {
        "username": "james.whitfield",
        "first_name": "James",
        "last_name": "Whitfield",
        "job_title": "Director of Strategy",
        "department": "Strategy",
        "organisation": "Northbridge Group",
        "bio": (
            "James is the executive sponsor for knowledge management and leads the Knowledge Strategy Forum. He asks "
            "every programme the same question: what will we be able to do next year that we cannot do now?"
        ),
        "expertise": ["knowledge-strategy", "business-case-and-metrics"],
        "ask_me_about": ["executive sponsorship", "business cases", "strategy reviews"],
    },
    {
        "username": "yuki.tanaka",
        "first_name": "Yuki",
        "last_name": "Tanaka",
        "job_title": "Process Engineer",
        "department": "Engineering",
        "organisation": "Northbridge Group",
        "bio": (
            "Yuki improves picking and packing processes at the Derby and Coventry sites. She moved from the Osaka "
            "office last year and is a regular at peer assists."
        ),
        "expertise": ["peer-assists", "lessons-learned-registers"],
        "ask_me_about": ["process mapping", "peer assists", "lean methods"],
    },
    {
        "username": "chloe.dubois",
        "first_name": "Chloé",
        "last_name": "Dubois",
        "job_title": "Customer Service Team Leader",
        "department": "Customer service",
        "organisation": "Northbridge Group",
        "bio": (
            "Chloé leads a team of fourteen advisers handling delivery and returns queries. She champions the "
            "knowledge base on the contact centre floor and coaches new advisers on search."
        ),
        "expertise": ["search-tips", "reference-material"],
        "ask_me_about": ["adviser coaching", "returns process", "search tricks"],
    },
    {
        "username": "oluwaseun.adeyemi",
        "first_name": "Oluwaseun",
        "last_name": "Adeyemi",
        "job_title": "Continuous Improvement Facilitator",
        "department": "Operations",
        "organisation": "Northbridge Group",
        "bio": (
            "Seun facilitates improvement workshops and after-action reviews across the distribution sites. He "
            "co-facilitates the CoP Facilitators Network and likes meetings that finish early."
        ),
        "expertise": ["facilitation", "after-action-reviews"],
        "ask_me_about": ["workshop design", "timeboxing", "site visits"],
    },
    {
        "username": "niamh.gallagher",
        "first_name": "Niamh",
        "last_name": "Gallagher",
        "job_title": "Payroll Team Manager",
        "department": "Finance",
        "organisation": "Northbridge Group",
        "bio": (
            "Niamh manages payroll for 3,200 staff. After two long-serving colleagues retired in the same year, she "
            "rebuilt the team's procedures and now talks to anyone who will listen about succession planning."
        ),
        "expertise": ["critical-knowledge-succession", "leaver-knowledge-capture"],
        "ask_me_about": ["payroll", "succession planning", "procedure writing"],
    },
    {
        "username": "diego.herrera",
        "first_name": "Diego",
        "last_name": "Herrera",
        "job_title": "Warehouse Operations Manager",
        "department": "Operations",
        "organisation": "Harbourline Logistics",
        "bio": (
            "Diego runs Harbourline's cross-dock at Felixstowe, which handles Northbridge's inbound containers. He "
            "joined the communities to learn from Northbridge's sites and to share what works on the dock floor."
        ),
        "expertise": ["lessons-learned", "peer-assists"],
        "ask_me_about": ["cross-docking", "shift handovers", "goods receipt"],
    },
    {
        "username": "grace.kimani",
        "first_name": "Grace",
        "last_name": "Kimani",
        "job_title": "Clinical Education Lead",
        "department": "HR",
        "organisation": "Eastfield Health Trust",
        "bio": (
            "Grace leads clinical education at Eastfield Health Trust and is adapting Northbridge's community model "
            "for nursing practice groups. She brings techniques from clinical huddles and simulation debriefs."
        ),
        "expertise": ["facilitation", "communities-of-practice"],
        "ask_me_about": ["clinical huddles", "debriefing", "practice groups"],
    },
    {
        "username": "ahmed.siddiqui",
        "first_name": "Ahmed",
        "last_name": "Siddiqui",
        "job_title": "CRM Product Owner",
        "department": "IT",
        "organisation": "Northbridge Group",
        "bio": (
            "Ahmed owns the roadmap for the customer relationship management system used by service and sales teams. "
            "He is working on linking case codes in the CRM directly to knowledge articles."
        ),
        "expertise": ["change-management", "communication-plans"],
        "ask_me_about": ["crm roadmap", "case codes", "release notes"],
    },
    {
        "username": "elena.popescu",
        "first_name": "Elena",
        "last_name": "Popescu",
        "job_title": "Finance Business Partner",
        "department": "Finance",
        "organisation": "Eastfield Health Trust",
        "bio": (
            "Elena supports Eastfield's estates and facilities budgets, which run on Northbridge's shared finance "
            "platform. She joined the Atlas community when Eastfield was added to the second roll-out wave."
        ),
        "expertise": ["measuring-km", "reference-material"],
        "ask_me_about": ["budget reports", "shared services", "cost centres"],
    },
    {
        "username": "marcus.reid",
        "first_name": "Marcus",
        "last_name": "Reid",
        "job_title": "Service Desk Analyst",
        "department": "IT",
        "organisation": "Northbridge Group",
        "bio": (
            "Marcus works on the IT service desk and sees every Atlas log-in problem first. He keeps a running list of "
            "the fixes that solve most calls and turns the best ones into knowledge articles."
        ),
        "expertise": ["search-tips", "tagging-practice"],
        "ask_me_about": ["atlas log-in", "browser problems", "service desk"],
    },
    {
        "username": "ingrid.johansen",
        "first_name": "Ingrid",
        "last_name": "Johansen",
        "job_title": "Engineering Manager",
        "department": "Engineering",
        "organisation": "Northbridge Group",
        "bio": (
            "Ingrid leads the engineering team that maintains conveyors, sorters and building services across the "
            "group. She introduced peer assists before major gate reviews and leads the Project Lessons Exchange."
        ),
        "expertise": ["critical-knowledge-succession", "km-roles", "peer-assists"],
        "ask_me_about": ["gate reviews", "engineering handovers", "peer assists"],
    },
    {
        "username": "kofi.asante",
        "first_name": "Kofi",
        "last_name": "Asante",
        "job_title": "Graduate Analyst",
        "department": "Strategy",
        "organisation": "Northbridge Group",
        "bio": (
            "Kofi joined the graduate programme this year and is rotating through strategy, finance and customer "
            "service. He writes candidly about what it is like to be new and is always happy to test a draft guide."
        ),
        "expertise": ["onboarding"],
        "ask_me_about": ["graduate programme", "first impressions", "data analysis"],
    },
    {
        "username": "lucia.romano",
        "first_name": "Lucia",
        "last_name": "Romano",
        "job_title": "Contracts Manager",
        "department": "Legal",
        "organisation": "Northbridge Group",
        "bio": (
            "Lucia manages supplier and customer contracts from tender to renewal. She keeps a register of contract "
            "lessons and is working out how to share them without breaching confidentiality."
        ),
        "expertise": ["lessons-learned-registers", "km-policies"],
        "ask_me_about": ["contract lessons", "tenders", "supplier renewals"],
    },
    {
        "username": "minh.nguyen",
        "first_name": "Minh",
        "last_name": "Nguyen",
        "job_title": "Transport Planner",
        "department": "Operations",
        "organisation": "Harbourline Logistics",
        "bio": (
            "Minh plans delivery routes for Harbourline's fleet serving Northbridge customers in the Midlands. He "
            "joined Harbourline this year and uses the communities to understand how Northbridge works."
        ),
        "expertise": ["after-action-reviews", "storytelling"],
        "ask_me_about": ["route planning", "driver feedback", "delivery slots"],
    },
]

COMMUNITIES = [
    {
        "slug": "knowledge-strategy-forum",
        "title": "Knowledge Strategy Forum",
        "summary": (
            "A members-only forum where senior managers, HR and knowledge leaders set the group's knowledge priorities "
            "and review progress each quarter."
        ),
        "purpose": (
            "<p>The Knowledge Strategy Forum brings together the people who decide where knowledge management effort "
            "goes across Northbridge Group and our partner organisations. Members include operations and engineering "
            "directors, HR and learning leads, legal and finance managers, and the central knowledge team.</p><p>We "
            "use this space to prepare for the quarterly strategy review, test draft policies before they go to the "
            "executive committee, and compare notes on knowledge risks such as retiring specialists or processes that "
            "only one person understands. Discussions are candid and sometimes touch on budgets or restructuring "
            "plans, which is why the community is members-only.</p><p>Agreed decisions are written up on the wiki so "
            "that teams outside the forum can see what was decided and why.</p>"
        ),
        "how_to_join": (
            "<p>Membership is by invitation. If you lead a function or a partner programme and would like to take "
            "part, ask Priya Raman to put your name forward at the next quarterly review.</p>"
        ),
        "policy": "moderated",
        "private": True,
        "trust_members": False,
        "topics": ["knowledge-strategy", "km-governance"],
        "audiences": ["manager", "hr-learning", "km-champion"],
        "stage": "rollout",
        "facilitators": ["priya.raman"],
        "leaders": ["james.whitfield"],
        "members": [
            "liam.oconnor",
            "aisha.bello",
            "hannah.schmidt",
            "ingrid.johansen",
            "fatima.haddad",
            "niamh.gallagher",
            "tomasz.nowak",
            "grace.kimani",
            "sofia.lindqvist",
        ],
    },
    {
        "slug": "cop-facilitators",
        "title": "CoP Facilitators Network",
        "summary": (
            "Peer support for everyone who runs a community of practice: swap techniques, troubleshoot quiet spaces "
            "and plan events together."
        ),
        "purpose": (
            "<p>Running a community of practice is usually a part-time job squeezed in around a day job, and most "
            "facilitators learn it by trial and error. This network exists so that you do not have to learn "
            "alone.</p><p>Members facilitate communities across Northbridge Group, Harbourline Logistics and Eastfield "
            "Health Trust, from warehouse safety to nursing practice. We share what has worked in our own communities, "
            "ask for help when a space goes quiet or a discussion turns sour, and build a common handbook of "
            "facilitation techniques.</p><p>We also run a fortnightly facilitator clinic where anyone can bring a live "
            "problem and leave with two or three ideas to try before the next session.</p>"
        ),
        "how_to_join": (
            "<p>Anyone who facilitates, co-hosts or is about to launch a community is welcome. Select "
            "<strong>Join</strong> and introduce yourself and your community in the welcome thread.</p>"
        ),
        "policy": "open",
        "private": False,
        "trust_members": True,
        "topics": ["communities-of-practice", "facilitation"],
        "audiences": ["community-facilitator", "km-champion"],
        "stage": "sustain",
        "facilitators": ["tomasz.nowak", "oluwaseun.adeyemi"],
        "leaders": [],
        "members": [
            "grace.kimani",
            "hannah.schmidt",
            "sofia.lindqvist",
            "kwame.mensah",
            "mei.chen",
            "priya.raman",
            "diego.herrera",
            "lucia.romano",
        ],
    },
    {
        "slug": "atlas-erp-upgrade",
        "title": "Project Atlas: ERP Upgrade Community",
        "summary": (
            "Trainers, finance and supply-chain analysts and system experts share tips, workarounds and answers as we "
            "move to the new Atlas ERP platform."
        ),
        "purpose": (
            "<p>Project Atlas replaces our fifteen-year-old finance and warehouse system with a single cloud ERP "
            "platform. The roll-out runs in three waves, and every wave brings new screens, new codes and new "
            "questions.</p><p>This community is where trainers, super-users, analysts and the people who configured "
            "the system meet the colleagues who use it every day. Ask a question and someone who has already solved it "
            "will usually answer within the hour. Share a shortcut or a workaround and you may save hundreds of people "
            "the same frustration.</p><p>The best answers are moved into the Atlas FAQ on the wiki, so please check "
            "there first. Members can edit the wiki directly; the training team reviews changes weekly.</p>"
        ),
        "how_to_join": (
            "<p>Open to everyone who uses Atlas or supports its users, including colleagues at partner organisations "
            "on the shared finance platform. Select <strong>Join</strong> to start posting.</p>"
        ),
        "policy": "open",
        "private": False,
        "trust_members": True,
        "topics": ["adoption-and-engagement", "collaboration-tools"],
        "audiences": ["knowledge-worker", "local-knowledge-manager", "km-champion"],
        "stage": "rollout",
        "facilitators": ["mei.chen"],
        "leaders": ["rafael.souza"],
        "members": [
            "elena.popescu",
            "niamh.gallagher",
            "arjun.mehta",
            "marcus.reid",
            "diego.herrera",
            "minh.nguyen",
            "yuki.tanaka",
            "kofi.asante",
            "liam.oconnor",
        ],
    },
    {
        "slug": "project-lessons-exchange",
        "title": "Project Lessons Exchange",
        "summary": (
            "Project and engineering managers share lessons learned, arrange peer assists and test a lighter way of "
            "recording what projects teach us."
        ),
        "purpose": (
            "<p>Every year Northbridge runs around forty capital and change projects, and many of them rediscover "
            "problems that an earlier project had already solved. The Project Lessons Exchange is investigating how to "
            "break that cycle.</p><p>Members share lessons from recent projects, ask for peer assists before key "
            "decisions, and try out new formats for after-action reviews and retrospectives. We are deliberately "
            "experimenting: some ideas will stick and some will be dropped.</p><p>Because lessons sometimes involve "
            "suppliers, customers or commercial terms, new posts are checked by a facilitator before they appear. If a "
            "lesson cannot be shared in full, we help you write an anonymised version that keeps the useful part.</p>"
        ),
        "how_to_join": (
            "<p>Request to join and tell us which projects you work on. A facilitator will approve your request within "
            "two working days.</p>"
        ),
        "policy": "moderated",
        "private": False,
        "trust_members": False,
        "topics": ["lessons-learned", "after-action-reviews"],
        "audiences": ["manager", "knowledge-worker"],
        "stage": "investigation",
        "facilitators": ["kwame.mensah"],
        "leaders": ["ingrid.johansen"],
        "members": [
            "yuki.tanaka",
            "diego.herrera",
            "minh.nguyen",
            "lucia.romano",
            "arjun.mehta",
            "oluwaseun.adeyemi",
            "james.whitfield",
            "fatima.haddad",
        ],
    },
    {
        "slug": "customer-service-knowledge",
        "title": "Customer Service Knowledge Base",
        "summary": (
            "The people who write, review and retire the articles our advisers use with customers. Raise gaps, suggest "
            "edits and share search tricks."
        ),
        "purpose": (
            "<p>Our customer service advisers handle around 9,000 contacts a week, and most of them depend on an "
            "accurate knowledge article. This community looks after that knowledge base.</p><p>Advisers tell us when "
            "an article is wrong, missing or hard to find. Article owners, team leaders and colleagues from legal and "
            "IT work together to fix it, agree a standard way of writing articles and retire content that is no longer "
            "true. We also share search techniques, because an article nobody can find might as well not "
            "exist.</p><p>If a customer has been given the wrong answer because of an article, post here first so that "
            "the fix reaches every adviser, not just your team.</p>"
        ),
        "how_to_join": (
            "<p>Open to all customer service staff and anyone who owns or reviews a knowledge article. Select "
            "<strong>Join</strong> and you can post straight away.</p>"
        ),
        "policy": "open",
        "private": False,
        "trust_members": False,
        "topics": ["content-curation", "review-and-retirement"],
        "audiences": ["knowledge-worker", "local-knowledge-manager"],
        "stage": "sustain",
        "facilitators": ["sofia.lindqvist"],
        "leaders": ["chloe.dubois"],
        "members": [
            "ahmed.siddiqui",
            "marcus.reid",
            "fatima.haddad",
            "minh.nguyen",
            "kofi.asante",
            "arjun.mehta",
            "diego.herrera",
        ],
    },
    {
        "slug": "new-joiners-network",
        "title": "New Joiners' Network",
        "summary": (
            "A friendly place for people in their first six months to ask anything, find a buddy and learn how "
            "Northbridge really works."
        ),
        "purpose": (
            "<p>Starting a new job means learning hundreds of small things nobody writes down: which acronyms matter, "
            "who to ask about a site induction, where the good templates live. The New Joiners' Network is a place to "
            "ask those questions without feeling awkward.</p><p>The network is part of a pilot run by HR and Learning "
            "and Development. Alongside the discussion space we are testing a buddy scheme, monthly coffee roulette "
            "and a practical guide to the first thirty days. Colleagues who joined in the last year are especially "
            "welcome, because they remember what was confusing.</p><p>Tell us what helped and what did not. Your "
            "feedback decides what the full onboarding programme will look like next year.</p>"
        ),
        "how_to_join": (
            "<p>Open to anyone in their first six months, to buddies and to anyone who remembers being new. Select "
            "<strong>Join</strong> and say hello in the welcome thread.</p>"
        ),
        "policy": "open",
        "private": False,
        "trust_members": False,
        "topics": ["onboarding", "buddy-schemes"],
        "audiences": ["hr-learning", "knowledge-worker", "manager"],
        "stage": "pilot",
        "facilitators": ["hannah.schmidt", "aisha.bello"],
        "leaders": [],
        "members": [
            "kofi.asante",
            "minh.nguyen",
            "marcus.reid",
            "elena.popescu",
            "chloe.dubois",
            "yuki.tanaka",
            "grace.kimani",
            "lucia.romano",
        ],
    },
]

BLOG_POSTS = [
    {
        "community": "knowledge-strategy-forum",
        "slug": "why-we-ranked-knowledge-risks-first",
        "title": "Why we ranked knowledge risks before tools this year",
        "summary": (
            "The spring knowledge audit found fourteen roles where one person holds critical know-how. Here is why "
            "that changed our priorities for the year."
        ),
        "author": "priya.raman",
        "days_ago": 34,
        "topics": ["knowledge-strategy", "knowledge-audits"],
        "tags": ["strategy", "knowledge risk", "priorities"],
        "body": (
            "<p>When the forum met in March, the draft plan for the year led with a new collaboration platform. By the "
            "time we signed it off in May, the platform had moved to third place. The reason was the knowledge "
            "audit.</p><p>We interviewed 62 managers across operations, finance and engineering and asked a simple "
            "question: <em>if this person left tomorrow, what would stop working?</em> The answers identified "
            "<strong>fourteen roles</strong> where one person holds knowledge that nobody else has and that is not "
            "written down anywhere useful. Five of those people are due to retire within three years.</p><h3>What we "
            "changed</h3><ul><li>Succession conversations for the fourteen roles now come first, led jointly by HR and "
            "the line manager.</li><li>Each role gets a named understudy and protected time for shadowing, agreed in "
            "the budget rather than squeezed in.</li><li>The platform work continues, but it is scoped around what "
            "these handovers need.</li></ul><p>Some forum members worried that this looks less ambitious than a new "
            "tool. I think the opposite is true. A platform is easy to buy; the knowledge of a payroll specialist with "
            "28 years' experience is not. We will report progress on all fourteen roles at every quarterly review.</p>"
        ),
    },
    {
        "community": "knowledge-strategy-forum",
        "slug": "three-things-the-quarterly-review-told-us",
        "title": "Three things the last quarterly review told us",
        "summary": (
            "Reuse beats volume, time to competence is the measure managers care about, and some of our metrics should "
            "be retired."
        ),
        "author": "james.whitfield",
        "days_ago": 71,
        "topics": ["business-case-and-metrics", "measuring-km"],
        "tags": ["quarterly review", "metrics"],
        "body": (
            "<p>Every quarter the forum spends two hours looking at whether knowledge management is making a "
            "difference. This time three points stood out, and I want to share them beyond the "
            "forum.</p><p><strong>First, reuse matters more than volume.</strong> We published 340 new knowledge items "
            "last quarter, but the figure that interested the operations directors was that 41 of them were reused on "
            "another site within a month. We will report reuse first from now on.</p><p><strong>Second, managers care "
            "about time to competence.</strong> New warehouse team leaders who used the site playbook and had a buddy "
            "were signed off in seven weeks, against eleven weeks for those who did not. That is a number a site "
            "manager understands immediately.</p><p><strong>Third, some metrics have had their day.</strong> We have "
            "been counting page views on the intranet for three years and nobody has ever made a decision because of "
            "them. We are dropping that measure, along with the count of community members, which rewards sign-ups "
            "rather than participation.</p><p>None of this is complicated. The discipline is to ask, for every number "
            "we collect, who will act on it and what they will do differently.</p>"
        ),
    },
    {
        "community": "cop-facilitators",
        "slug": "reviving-a-quiet-community",
        "title": "Reviving a quiet community in six weeks",
        "summary": (
            "The fleet maintenance community had not had a post since January. This is what we tried, what worked and "
            "what did not."
        ),
        "author": "tomasz.nowak",
        "days_ago": 22,
        "topics": ["community-health", "facilitation"],
        "tags": ["community health", "engagement"],
        "body": (
            "<p>In the spring the fleet maintenance community had 85 members and no new posts for eleven weeks. Its "
            "facilitator had moved roles and nobody had picked it up. Here is how we brought it back in six "
            "weeks.</p><h3>Week one: ask, do not announce</h3><p>Instead of a relaunch post, I phoned six members and "
            "asked what problem was bothering them that month. Four of them mentioned the same thing: tyre wear on the "
            "new electric vans. That became the first thread.</p><h3>Weeks two to four: make it easy to "
            "answer</h3><p>We posted one specific question a week and tagged two people we knew had a view. Specific "
            "questions get answers; general invitations to share do not.</p><h3>Weeks five and six: hand it "
            "over</h3><p>Once conversations were flowing, two workshop supervisors agreed to co-facilitate. We set "
            "them up with a thirty-minute monthly check-in rather than a long handbook.</p><p>What did not work: a "
            "survey asking members what they wanted from the community. It received three responses. People respond to "
            "problems, not to questionnaires about communities.</p><p>The community now has around four active threads "
            "a week. It is not busy, but it is useful, and that is the right test.</p>"
        ),
    },
    {
        "community": "cop-facilitators",
        "slug": "first-cross-organisation-call",
        "title": "What I learned facilitating my first cross-organisation call",
        "summary": (
            "Bringing Northbridge, Harbourline and Eastfield colleagues onto one call exposed assumptions I did not "
            "know I had."
        ),
        "author": "oluwaseun.adeyemi",
        "days_ago": 58,
        "topics": ["facilitation"],
        "tags": ["facilitation", "partners", "virtual events"],
        "body": (
            "<p>Last month I facilitated the first shift handover call that included colleagues from Harbourline "
            "Logistics and Eastfield Health Trust as well as our own sites. Thirty-one people joined. It went "
            "reasonably well, but I learned more from what went wrong.</p><p><strong>Acronyms are a wall.</strong> "
            "Within five minutes a Northbridge supervisor had said WMS, GRN and ASN. The Eastfield colleagues had no "
            "idea what they meant, and did not like to ask. I now keep a glossary in the chat and stop the call when a "
            "new acronym appears.</p><p><strong>Not everyone can use the same tool.</strong> Eastfield blocks some of "
            "our collaboration features, so the shared whiteboard I had prepared was useless for a third of the room. "
            "Next time I will test access with one person from each organisation a week "
            "before.</p><p><strong>Introductions need a purpose.</strong> Going round thirty-one names took twelve "
            "minutes. Asking people to type their name and one handover problem in the chat took two, and gave us the "
            "agenda for the second half.</p><p>The most useful moment came when a Harbourline dock manager described a "
            "colour-coded handover board. Two Northbridge sites have since copied it.</p>"
        ),
    },
    {
        "community": "cop-facilitators",
        "slug": "clinical-huddle-for-communities",
        "title": "Borrowing the clinical huddle for communities of practice",
        "summary": (
            "Ten-minute standing huddles are routine on hospital wards. They translate surprisingly well to community "
            "calls."
        ),
        "author": "grace.kimani",
        "days_ago": 110,
        "topics": ["facilitation", "communities-of-practice"],
        "tags": ["huddles", "health", "facilitation"],
        "body": (
            "<p>On most wards at Eastfield Health Trust the day starts with a safety huddle: ten minutes, standing up, "
            "the same three questions every time. When I started working with Northbridge colleagues on communities of "
            "practice, I wondered whether the format would travel.</p><p>It does, with a few adjustments. Our nursing "
            "practice groups now open their monthly calls with a ten-minute huddle built around three "
            "questions:</p><ol><li>What has gone well since we last met that others could copy?</li><li>What nearly "
            "went wrong?</li><li>What do you need help with before next month?</li></ol><p>The fixed structure helps "
            "quieter members, because they know exactly what will be asked and can prepare. The time limit stops the "
            "huddle from swallowing the whole call. And the second question, about near misses, has produced some of "
            "the most valuable learning we have captured all year.</p><p>Two things to watch. First, the facilitator "
            "must keep strictly to time, or the huddle becomes a meeting. Second, near misses need a blame-free tone "
            "from the first session, so I always go first with one of my own.</p><p>If you try it in your community, "
            "let me know how it goes.</p>"
        ),
    },
    {
        "community": "atlas-erp-upgrade",
        "slug": "lessons-from-first-atlas-training-wave",
        "title": "Five lessons from the first Atlas training wave",
        "summary": (
            "What we learned from training 420 finance and procurement users, and what we are changing for wave two."
        ),
        "author": "mei.chen",
        "days_ago": 15,
        "topics": ["adoption-and-engagement", "change-management"],
        "tags": ["atlas", "training", "erp"],
        "body": (
            "<p>Wave one of Atlas went live for finance and procurement with 420 trained users. Support calls in the "
            "first fortnight were lower than forecast, but not everything worked. Here are five lessons we are taking "
            "into wave two.</p><ol><li><strong>Train as close to go-live as possible.</strong> People trained six "
            "weeks early had forgotten most of it. Wave two training will run in the three weeks before "
            "go-live.</li><li><strong>Use real scenarios.</strong> The sessions built on each team's actual month-end "
            "tasks got far better feedback than the generic demonstrations.</li><li><strong>Super-users need time, not "
            "just a title.</strong> Where managers released super-users for half a day a week, their teams raised 40% "
            "fewer tickets.</li><li><strong>The sandbox must look like production.</strong> Several users were "
            "confused because the training data used cost centres that do not exist.</li><li><strong>This community "
            "worked.</strong> Around a third of first-week questions were answered here by colleagues before anyone "
            "raised a ticket.</li></ol><p>For wave two we are also recording short videos of the ten most common "
            "tasks, each under three minutes. If you have a task you think should be on the list, reply in the "
            "community.</p>"
        ),
    },
    {
        "community": "atlas-erp-upgrade",
        "slug": "purchase-orders-in-atlas",
        "title": "Why your purchase orders look different in Atlas",
        "summary": "Three-way matching, approval routes and the new line statuses explained in plain language.",
        "author": "rafael.souza",
        "days_ago": 40,
        "topics": ["collaboration-tools", "reference-material"],
        "tags": ["atlas", "procurement", "how-to"],
        "body": (
            "<p>Since wave one went live, the most common question in this community has been some version of <em>why "
            "does my purchase order look different?</em> Here is a short explanation of the three changes that cause "
            "most of the confusion.</p><h3>Three-way matching is now automatic</h3><p>In the old system, accounts "
            "payable matched invoices to orders by hand. Atlas matches the order, the goods receipt and the invoice "
            "automatically. If any of the three is missing, the invoice waits. That is why receipting goods promptly "
            "matters much more than it used to.</p><h3>Approval routes follow the cost centre</h3><p>Approvals are no "
            "longer based on who raised the order. They follow the cost centre and the value, so the approver you see "
            "may not be your own manager.</p><h3>Line statuses replace the old flags</h3><p>Each line now has one "
            "status: <strong>open</strong>, <strong>partly received</strong>, <strong>received</strong>, "
            "<strong>invoiced</strong> or <strong>closed</strong>. A partly received line stays open until the rest "
            "arrives or you close it manually.</p><p>The Atlas FAQ on the wiki has screenshots of each status. If "
            "something still does not make sense, post a question with your order number and I will take a look.</p>"
        ),
    },
    {
        "community": "project-lessons-exchange",
        "slug": "lessons-register-nobody-read",
        "title": "Our lessons register had 600 entries and nobody read it",
        "summary": (
            "An honest look at why the old lessons-learned register failed, and the three experiments we are running "
            "instead."
        ),
        "author": "kwame.mensah",
        "days_ago": 88,
        "topics": ["lessons-learned-registers", "lessons-learned"],
        "tags": ["lessons learned", "registers"],
        "body": (
            "<p>For six years every Northbridge project closed with a lessons-learned workshop, and every lesson went "
            "into a central spreadsheet. When we reviewed it last year it held 612 entries. In the previous twelve "
            "months it had been opened 23 times, mostly by the person who maintained it.</p><p>The problem was not the "
            "people. The lessons were often good. The problem was how they were written and where they "
            "lived:</p><ul><li>Most entries described what went wrong but not what to do differently.</li><li>They "
            "were written at project close, when the team had already moved on.</li><li>Nobody starting a project had "
            "a reason to look in the spreadsheet.</li></ul><p>This community is now running three experiments. First, "
            "we write every lesson as an action: <em>next time, do X before Y</em>. Second, we capture lessons after "
            "each stage gate, not just at the end. Third, and most importantly, the project kick-off template now "
            "includes a fifteen-minute slot to review relevant lessons with someone from a previous project.</p><p>We "
            "will look at the results at the end of the year. If you run a project in the meantime, I would love you "
            "to try at least one of these and tell us how it went.</p>"
        ),
    },
    {
        "community": "project-lessons-exchange",
        "slug": "peer-assists-before-gate-review",
        "title": "Peer assists before the gate review, not after",
        "summary": (
            "Moving peer assists ahead of investment decisions has already changed two project plans. Here is how we "
            "organise them."
        ),
        "author": "ingrid.johansen",
        "days_ago": 47,
        "topics": ["peer-assists"],
        "tags": ["peer assist", "projects", "gate reviews"],
        "body": (
            "<p>Until this year, if a project team asked for help from colleagues, it was usually after a gate review "
            "had flagged a problem. By then the design was fixed and the budget approved. Help arrived too late to "
            "change much.</p><p>Since April, every engineering project above £250,000 holds a peer assist <strong>two "
            "to three weeks before</strong> its design gate. The team invites three or four people who have done "
            "something similar, shares a two-page summary in advance and spends ninety minutes hearing what the "
            "visitors would do differently.</p><p>It has already paid off twice. The Coventry sorter replacement "
            "changed its installation sequence after a colleague from Derby explained how the same approach had cost "
            "them a weekend of lost picking. The Leeds roof project added a bird-proofing survey that nobody in the "
            "team had thought of.</p><h3>What makes it work</h3><ul><li>The visitors are peers, not reviewers. They "
            "have no approval role.</li><li>The project team chooses which advice to take and records why.</li><li>We "
            "keep it short. Ninety minutes is enough.</li></ul><p>If you are approaching a gate and would like help "
            "finding the right peers, post in this community and we will suggest names.</p>"
        ),
    },
    {
        "community": "customer-service-knowledge",
        "slug": "cutting-duplicate-articles",
        "title": "How we cut duplicate articles by a third",
        "summary": (
            "A practical account of the spring clean-up: how we found duplicates, how we decided which to keep and how "
            "we stop them coming back."
        ),
        "author": "sofia.lindqvist",
        "days_ago": 63,
        "topics": ["content-curation", "tagging-practice"],
        "tags": ["knowledge base", "duplicates", "curation"],
        "body": (
            "<p>At the start of the year our knowledge base held 1,140 articles. Advisers kept telling us they found "
            "two or three answers to the same question, sometimes contradicting each other. So we spent the spring "
            "looking for duplicates.</p><h3>Finding them</h3><p>We exported every article title and its top five "
            "search terms, then grouped articles that shared three or more terms. That gave us 210 likely clusters. "
            "Team leaders checked each one by hand, which took about two weeks of short sessions.</p><h3>Deciding what "
            "to keep</h3><p>For each cluster we kept the article advisers actually used most, merged in any missing "
            "detail from the others and redirected the rest. Where two articles genuinely covered different cases, we "
            "renamed them so the difference was obvious from the title.</p><h3>Stopping them coming "
            "back</h3><ul><li>Writers must search for an existing article before creating a new one, and the template "
            "now asks which terms they searched for.</li><li>Every article has one owner, who is notified when a "
            "similar title is created.</li><li>We agreed a short list of standard tags for products and "
            "channels.</li></ul><p>The knowledge base now holds 760 articles. Search satisfaction in the adviser "
            "survey rose from 58% to 71%.</p>"
        ),
    },
    {
        "community": "customer-service-knowledge",
        "slug": "what-advisers-search-for",
        "title": "What advisers search for at 8am on a Monday",
        "summary": (
            "A week of search logs shows how advisers really look for answers, and why our article titles need to "
            "change."
        ),
        "author": "chloe.dubois",
        "days_ago": 19,
        "topics": ["search-tips", "enterprise-search"],
        "tags": ["search", "advisers", "analytics"],
        "body": (
            "<p>Arjun from IT kindly pulled a week of knowledge base search logs for my team, and I spent an afternoon "
            "reading them. It was the most useful afternoon I have had this year.</p><p>Between 8am and 9am on Monday, "
            "the most common searches were <em>missed delivery</em>, <em>where is my parcel</em>, <em>refund not "
            "received</em> and, slightly worrying, <em>angry customer</em>. None of our article titles uses those "
            "words. The relevant articles are called things like <em>Failed delivery attempt procedure</em> and "
            "<em>Refund processing timescales</em>.</p><p>Advisers search using the customer's words, because that is "
            "what they have just heard on the phone. Our titles use the language of the process owner. No wonder the "
            "failed-search rate on Monday mornings was 27%.</p><h3>What we are doing about it</h3><ul><li>Adding the "
            "customer's phrasing as a second line under each title.</li><li>Adding common customer phrases as synonyms "
            "in search, which Arjun is setting up.</li><li>Reviewing the failed-search report with team leaders every "
            "Monday at ten.</li></ul><p>I would encourage every team leader to read their own search logs at least "
            "once. They are a direct record of what your team needs and cannot find.</p>"
        ),
    },
    {
        "community": "new-joiners-network",
        "slug": "first-forty-buddy-pairings",
        "title": "What our first forty buddy pairings taught us",
        "summary": (
            "Early results from the buddy scheme pilot: what new joiners valued, where pairings struggled and what we "
            "will change."
        ),
        "author": "hannah.schmidt",
        "days_ago": 52,
        "topics": ["buddy-schemes", "onboarding"],
        "tags": ["buddies", "onboarding", "pilot"],
        "body": (
            "<p>Since January we have paired forty new joiners with a buddy from outside their own team. We "
            "interviewed both sides after twelve weeks, and the results are encouraging, with some clear "
            "lessons.</p><p><strong>What new joiners valued most</strong> was not the formal induction topics. It was "
            "having someone safe to ask the questions they felt were too basic for their manager: how expenses work, "
            "which meetings really matter, who actually decides things.</p><p><strong>Where pairings "
            "struggled</strong>, the cause was almost always time. Eleven buddies said they had been volunteered by "
            "their manager without any reduction in workload, and in those pairs the contact dropped off after three "
            "or four weeks.</p><h3>Changes for the next round</h3><ul><li>Buddies volunteer themselves, and managers "
            "confirm one hour a week is protected for the first eight weeks.</li><li>We match on working pattern and "
            "location as well as role, because a buddy on a different shift is hard to reach.</li><li>Each pair gets a "
            "one-page prompt list for the first four meetings, written with last year's joiners.</li></ul><p>Thank you "
            "to everyone who took part. If you would like to be a buddy in the autumn round, reply to this post or "
            "message Aisha or me.</p>"
        ),
    },
    {
        "community": "new-joiners-network",
        "slug": "first-ninety-days-graduate",
        "title": "My first ninety days: a graduate's notes",
        "summary": (
            "Kofi reflects honestly on what helped, what confused him and what he wishes he had been told in week one."
        ),
        "author": "kofi.asante",
        "days_ago": 9,
        "topics": ["onboarding"],
        "tags": ["graduates", "onboarding", "reflections"],
        "body": (
            "<p>Hannah asked me to write up my first ninety days for the network, so here are my honest notes. I hope "
            "they are useful to the next group of graduates.</p><h3>What helped</h3><ul><li>My buddy, Chloé, who took "
            "me onto the contact centre floor in week two. Listening to customer calls taught me more about the "
            "business than any slide deck.</li><li>The people directory. Searching <em>ask me about</em> tags found me "
            "the right person three times in my first month.</li><li>This network, where nobody minded my question "
            "about acronyms.</li></ul><h3>What confused me</h3><p>There are at least four places where documents live, "
            "and nobody could tell me which one was the official version. I wasted a morning working from an old "
            "finance template before someone pointed me to the right one.</p><p>I also did not realise how much "
            "knowledge sits with a few long-serving people. It is great that they are so helpful, but I sometimes "
            "worry about what happens when they are on holiday.</p><h3>What I wish I had known</h3><p>That it is fine "
            "to ask the same question twice. Everyone I met was far more patient than I expected.</p>"
        ),
    },
]

WIKI_PAGES = [
    {
        "community": "knowledge-strategy-forum",
        "slug": "knowledge-strategy-on-a-page",
        "title": "Knowledge strategy on a page",
        "parent": None,
        "revisions": [
            {
                "author": "priya.raman",
                "change_note": "First draft for the forum to comment on",
                "body": (
                    "<h2>Knowledge strategy on a page</h2><p>This page summarises the group knowledge strategy agreed "
                    "by the Knowledge Strategy Forum. It is deliberately short so that any manager can read it in five "
                    "minutes.</p><h3>Our aim</h3><p>Make sure the knowledge Northbridge depends on is known, shared "
                    "and kept, so that teams make better decisions and do not repeat avoidable "
                    "mistakes.</p><h3>Priorities for this year</h3><ul><li><strong>Knowledge risk:</strong> succession "
                    "plans for the twelve roles identified in the knowledge "
                    "audit.</li><li><strong>Communities:</strong> support twenty active communities of practice, each "
                    "with a trained facilitator.</li><li><strong>Findability:</strong> one agreed home for each type "
                    "of document.</li></ul><h3>How we will know</h3><p>We will report progress at each quarterly "
                    "review using a small set of measures agreed by the forum.</p>"
                ),
            },
            {
                "author": "liam.oconnor",
                "change_note": "Corrected number of roles from the audit; added operations learning priority",
                "body": (
                    "<h2>Knowledge strategy on a page</h2><p>This page summarises the group knowledge strategy agreed "
                    "by the Knowledge Strategy Forum. It is deliberately short so that any manager can read it in five "
                    "minutes.</p><h3>Our aim</h3><p>Make sure the knowledge Northbridge depends on is known, shared "
                    "and kept, so that teams make better decisions and do not repeat avoidable "
                    "mistakes.</p><h3>Priorities for this year</h3><ul><li><strong>Knowledge risk:</strong> succession "
                    "plans for the fourteen roles identified in the knowledge "
                    "audit.</li><li><strong>Communities:</strong> support twenty active communities of practice, each "
                    "with a trained facilitator.</li><li><strong>Findability:</strong> one agreed home for each type "
                    "of document.</li><li><strong>Operations learning:</strong> after-action reviews after every major "
                    "site incident or peak trading period, with lessons shared across all five sites.</li></ul><h3>How "
                    "we will know</h3><p>We will report progress at each quarterly review using a small set of "
                    "measures agreed by the forum.</p>"
                ),
            },
            {
                "author": "priya.raman",
                "change_note": "Reworded aim after executive review and listed the four measures",
                "body": (
                    "<h2>Knowledge strategy on a page</h2><p>This page summarises the group knowledge strategy agreed "
                    "by the Knowledge Strategy Forum. It is deliberately short so that any manager can read it in five "
                    "minutes.</p><h3>Our aim</h3><p>Make sure the knowledge Northbridge and its partners depend on is "
                    "known, shared and kept. Success means teams make better decisions faster, new colleagues become "
                    "competent sooner and we stop repeating avoidable mistakes.</p><h3>Priorities for this "
                    "year</h3><ul><li><strong>Knowledge risk:</strong> succession plans for the fourteen roles "
                    "identified in the knowledge audit.</li><li><strong>Communities:</strong> support twenty active "
                    "communities of practice, each with a trained facilitator.</li><li><strong>Findability:</strong> "
                    "one agreed home for each type of document.</li><li><strong>Operations learning:</strong> "
                    "after-action reviews after every major site incident or peak trading period, with lessons shared "
                    "across all five sites.</li></ul><h3>How we will know</h3><p>We will report progress at each "
                    "quarterly review using four measures: progress on the fourteen succession plans, reuse of "
                    "knowledge across sites, time to competence for new team leaders and the number of communities "
                    "with an active facilitator. Page views and membership counts are no longer reported.</p>"
                ),
            },
        ],
    },
    {
        "community": "knowledge-strategy-forum",
        "slug": "sponsor-roles-and-time",
        "title": "Sponsor roles and time commitments",
        "parent": "knowledge-strategy-on-a-page",
        "revisions": [
            {
                "author": "aisha.bello",
                "change_note": "Initial version based on forum discussion",
                "body": (
                    "<h2>Sponsor roles and time commitments</h2><p>Every knowledge initiative in the strategy needs a "
                    "sponsor at director or head-of-function level. This page sets out what we ask of "
                    "sponsors.</p><h3>What a sponsor does</h3><ul><li>Agrees the purpose and scope of the initiative "
                    "with the knowledge team.</li><li>Releases staff time and removes obstacles when the work gets "
                    "stuck.</li><li>Reports progress to the Knowledge Strategy Forum each quarter.</li></ul><h3>Time "
                    "commitment</h3><p>We expect sponsors to give around <strong>two hours a month</strong>: a monthly "
                    "check-in with the initiative lead and preparation for the quarterly review.</p><p>Sponsors are "
                    "not expected to attend every community event or read every post.</p>"
                ),
            },
            {
                "author": "ingrid.johansen",
                "change_note": "Added deputy sponsor and facilitator time",
                "body": (
                    "<h2>Sponsor roles and time commitments</h2><p>Every knowledge initiative in the strategy needs a "
                    "sponsor at director or head-of-function level. This page sets out what we ask of "
                    "sponsors.</p><h3>What a sponsor does</h3><ul><li>Agrees the purpose and scope of the initiative "
                    "with the knowledge team.</li><li>Releases staff time and removes obstacles when the work gets "
                    "stuck.</li><li>Names a deputy who can make decisions during long absences, so that initiatives do "
                    "not stall over the summer.</li><li>Reports progress to the Knowledge Strategy Forum each "
                    "quarter.</li></ul><h3>Time commitment</h3><p>We expect sponsors to give around <strong>two hours "
                    "a month</strong>: a monthly check-in with the initiative lead and preparation for the quarterly "
                    "review.</p><p>Sponsors are not expected to attend every community event or read every post. They "
                    "should, however, join at least one community meeting a year, because members notice when a "
                    "sponsor turns up and listens.</p><h3>Facilitator time</h3><p>Where an initiative includes a "
                    "community, the sponsor also agrees protected time for its facilitator, normally half a day a "
                    "week, with the facilitator's line manager.</p>"
                ),
            },
        ],
    },
    {
        "community": "cop-facilitators",
        "slug": "facilitator-handbook",
        "title": "Facilitator handbook",
        "parent": None,
        "revisions": [
            {
                "author": "tomasz.nowak",
                "change_note": "Created handbook outline",
                "body": (
                    "<h2>Facilitator handbook</h2><p>A practical guide for anyone who runs a community of practice at "
                    "Northbridge or at one of our partners. It collects what experienced facilitators have learned, so "
                    "you do not have to start from scratch.</p><h3>Before you launch</h3><ul><li>Write a one-sentence "
                    "purpose that names a real problem members share.</li><li>Find a sponsor who will give you time "
                    "and defend it.</li><li>Recruit five founding members and ask each to bring one "
                    "question.</li></ul><h3>Running the community</h3><p>Post something useful at least once a week. "
                    "Answer every unanswered question within two working days, even if the answer is to tag someone "
                    "who knows. Hold a live session every month.</p><h3>Getting help</h3><p>Bring any problem to the "
                    "fortnightly facilitator clinic.</p>"
                ),
            },
            {
                "author": "oluwaseun.adeyemi",
                "change_note": "Added house rules step and a section on quiet periods",
                "body": (
                    "<h2>Facilitator handbook</h2><p>A practical guide for anyone who runs a community of practice at "
                    "Northbridge or at one of our partners. It collects what experienced facilitators have learned, so "
                    "you do not have to start from scratch.</p><h3>Before you launch</h3><ul><li>Write a one-sentence "
                    "purpose that names a real problem members share.</li><li>Find a sponsor who will give you time "
                    "and defend it.</li><li>Recruit five founding members and ask each to bring one "
                    "question.</li><li>Agree two or three house rules with the founding members, so they feel they own "
                    "them.</li></ul><h3>Running the community</h3><p>Post something useful at least once a week. "
                    "Answer every unanswered question within two working days, even if the answer is to tag someone "
                    "who knows. Hold a live session every month and share a short summary afterwards for those who "
                    "could not attend.</p><h3>When things go quiet</h3><p>A quiet month is normal. A quiet quarter "
                    "needs action: phone a few members, ask what is bothering them and turn their answer into a "
                    "specific question.</p><h3>Getting help</h3><p>Bring any problem to the fortnightly facilitator "
                    "clinic.</p>"
                ),
            },
            {
                "author": "hannah.schmidt",
                "change_note": "Added clinic time and link to facilitation course",
                "body": (
                    "<h2>Facilitator handbook</h2><p>A practical guide for anyone who runs a community of practice at "
                    "Northbridge or at one of our partners. It collects what experienced facilitators have learned, so "
                    "you do not have to start from scratch.</p><h3>Before you launch</h3><ul><li>Write a one-sentence "
                    "purpose that names a real problem members share.</li><li>Find a sponsor who will give you time "
                    "and defend it.</li><li>Recruit five founding members and ask each to bring one "
                    "question.</li><li>Agree two or three house rules with the founding members, so they feel they own "
                    "them.</li></ul><h3>Running the community</h3><p>Post something useful at least once a week. "
                    "Answer every unanswered question within two working days, even if the answer is to tag someone "
                    "who knows. Hold a live session every month and share a short summary afterwards for those who "
                    "could not attend.</p><h3>When things go quiet</h3><p>A quiet month is normal. A quiet quarter "
                    "needs action: phone a few members, ask what is bothering them and turn their answer into a "
                    "specific question.</p><h3>Getting help</h3><p>Bring any problem to the fortnightly facilitator "
                    "clinic, held every second Thursday at 12:30. The Learning and Development team also runs a "
                    "one-day facilitation skills course each quarter; book it through the learning portal.</p>"
                ),
            },
        ],
    },
    {
        "community": "cop-facilitators",
        "slug": "running-your-first-online-event",
        "title": "Running your first online event",
        "parent": "facilitator-handbook",
        "revisions": [
            {
                "author": "oluwaseun.adeyemi",
                "change_note": "First version of the checklist",
                "body": (
                    "<h2>Running your first online event</h2><p>Most community events at Northbridge are now online. "
                    "This checklist covers the basics for a sixty-minute call.</p><h3>One week before</h3><ul><li>Send "
                    "the invitation with a clear question the event will answer.</li><li>Ask one member to share a "
                    "short example to open the discussion.</li><li>Check that everyone, including partner "
                    "organisations, can use the meeting tool.</li></ul><h3>On the day</h3><ul><li>Open ten minutes "
                    "early and test sound and screen sharing.</li><li>Start on time, even if people are still "
                    "joining.</li><li>Ask people to introduce themselves in the chat rather than out "
                    "loud.</li></ul><h3>Afterwards</h3><p>Post a summary of the main points and any actions in the "
                    "community within two days.</p>"
                ),
            },
            {
                "author": "mei.chen",
                "change_note": "Added co-host step and advice on recordings",
                "body": (
                    "<h2>Running your first online event</h2><p>Most community events at Northbridge are now online. "
                    "This checklist covers the basics for a sixty-minute call.</p><h3>One week before</h3><ul><li>Send "
                    "the invitation with a clear question the event will answer.</li><li>Ask one member to share a "
                    "short example to open the discussion.</li><li>Check that everyone, including partner "
                    "organisations, can use the meeting tool.</li></ul><h3>On the day</h3><ul><li>Open ten minutes "
                    "early and test sound and screen sharing.</li><li>Start on time, even if people are still "
                    "joining.</li><li>Ask a co-host to watch the chat and bring written questions into the "
                    "conversation.</li><li>Ask people to introduce themselves in the chat rather than out "
                    "loud.</li></ul><h3>Afterwards</h3><p>Post a summary of the main points and any actions in the "
                    "community within two days. If you recorded the session, add the recording link and the time "
                    "stamps of the most useful parts; few people will watch a full hour.</p>"
                ),
            },
        ],
    },
    {
        "community": "cop-facilitators",
        "slug": "community-health-check",
        "title": "Quarterly community health check",
        "parent": None,
        "revisions": [
            {
                "author": "tomasz.nowak",
                "change_note": "Initial health check questions",
                "body": (
                    "<h2>Quarterly community health check</h2><p>Use this check once a quarter to see whether your "
                    "community is doing its job. It takes about thirty minutes and is meant for the facilitator and "
                    "sponsor, not for a league table. Answer honestly; nobody outside the community sees the results "
                    "unless you choose to share them.</p><h3>Questions to answer</h3><ul><li>How many different "
                    "members posted or replied this quarter?</li><li>What share of questions received an answer within "
                    "two working days?</li><li>Can you name one decision or improvement that came from the "
                    "community?</li><li>Are new members introducing themselves and staying?</li></ul><h3>What to do "
                    "with the answers</h3><p>Pick one thing to improve next quarter and tell the members what it "
                    "is.</p>"
                ),
            },
            {
                "author": "sofia.lindqvist",
                "change_note": "Added question about moving answers into lasting content",
                "body": (
                    "<h2>Quarterly community health check</h2><p>Use this check once a quarter to see whether your "
                    "community is doing its job. It takes about thirty minutes and is meant for the facilitator and "
                    "sponsor, not for a league table. Answer honestly; nobody outside the community sees the results "
                    "unless you choose to share them.</p><h3>Questions to answer</h3><ul><li>How many different "
                    "members posted or replied this quarter?</li><li>What share of questions received an answer within "
                    "two working days?</li><li>Can you name one decision or improvement that came from the "
                    "community?</li><li>Have any answers or guides been moved into the wiki or the knowledge base, "
                    "where they will outlive the thread?</li><li>Are new members introducing themselves and "
                    "staying?</li></ul><h3>What to do with the answers</h3><p>Pick one thing to improve next quarter "
                    "and tell the members what it is.</p>"
                ),
            },
            {
                "author": "kwame.mensah",
                "change_note": "Added warning signs and corrected the time estimate",
                "body": (
                    "<h2>Quarterly community health check</h2><p>Use this check once a quarter to see whether your "
                    "community is doing its job. It takes about forty-five minutes the first time and thirty after "
                    "that and is meant for the facilitator and sponsor, not for a league table. Answer honestly; "
                    "nobody outside the community sees the results unless you choose to share them.</p><h3>Questions "
                    "to answer</h3><ul><li>How many different members posted or replied this quarter?</li><li>What "
                    "share of questions received an answer within two working days?</li><li>Can you name one decision "
                    "or improvement that came from the community?</li><li>Have any answers or guides been moved into "
                    "the wiki or the knowledge base, where they will outlive the thread?</li><li>Are new members "
                    "introducing themselves and staying?</li></ul><h3>What to do with the answers</h3><p>Pick one "
                    "thing to improve next quarter and tell the members what it is. If the answer to the third "
                    "question has been no for two quarters running, talk to your sponsor and the Community Programme "
                    "Lead about whether the community's purpose still fits.</p><h3>Warning signs</h3><ul><li>The "
                    "facilitator writes more than half of all posts.</li><li>Questions are answered privately instead "
                    "of in the open.</li></ul>"
                ),
            },
        ],
    },
    {
        "community": "atlas-erp-upgrade",
        "slug": "atlas-faq",
        "title": "Atlas ERP: frequently asked questions",
        "parent": None,
        "revisions": [
            {
                "author": "mei.chen",
                "change_note": "Started FAQ from wave one training questions",
                "body": (
                    "<h2>Atlas ERP: frequently asked questions</h2><p>Answers to the questions asked most often in "
                    "this community. If your question is not here, post it in the discussion area.</p><h3>How do I log "
                    "in?</h3><p>Use your normal Northbridge account at the Atlas link on the intranet home page. You "
                    "do not need a separate password.</p><h3>Where is the training sandbox?</h3><p>The sandbox link is "
                    "in your training confirmation email. Sandbox data is reset every Sunday night.</p><h3>Who "
                    "approves my purchase order?</h3><p>Approvals follow the cost centre and order value, not your "
                    "line manager. The approver is shown on the order's approval tab.</p><h3>Why has my invoice not "
                    "been paid?</h3><p>Atlas only pays an invoice when the order, goods receipt and invoice match. "
                    "Check that the goods have been receipted.</p>"
                ),
            },
            {
                "author": "rafael.souza",
                "change_note": "Added invoice matching tolerance",
                "body": (
                    "<h2>Atlas ERP: frequently asked questions</h2><p>Answers to the questions asked most often in "
                    "this community. If your question is not here, post it in the discussion area.</p><h3>How do I log "
                    "in?</h3><p>Use your normal Northbridge account at the Atlas link on the intranet home page. You "
                    "do not need a separate password.</p><h3>Where is the training sandbox?</h3><p>The sandbox link is "
                    "in your training confirmation email. Sandbox data is reset every Sunday night.</p><h3>Who "
                    "approves my purchase order?</h3><p>Approvals follow the cost centre and order value, not your "
                    "line manager. The approver is shown on the order's approval tab.</p><h3>Why has my invoice not "
                    "been paid?</h3><p>Atlas only pays an invoice when the order, goods receipt and invoice match. "
                    "Check that the goods have been receipted. Price differences of up to 2% or £50, whichever is "
                    "lower, are accepted automatically; anything larger goes to accounts payable for review.</p>"
                ),
            },
            {
                "author": "marcus.reid",
                "change_note": "Added partner log-in and browser cache fix",
                "body": (
                    "<h2>Atlas ERP: frequently asked questions</h2><p>Answers to the questions asked most often in "
                    "this community. If your question is not here, post it in the discussion area.</p><h3>How do I log "
                    "in?</h3><p>Use your normal Northbridge account at the Atlas link on the intranet home page. You "
                    "do not need a separate password. Colleagues at Harbourline and Eastfield sign in with their "
                    "partner account. If the home page tiles do not load, clear your browser cache before calling the "
                    "service desk.</p><h3>Where is the training sandbox?</h3><p>The sandbox link is in your training "
                    "confirmation email. Sandbox data is reset every Sunday night.</p><h3>Who approves my purchase "
                    "order?</h3><p>Approvals follow the cost centre and order value, not your line manager. The "
                    "approver is shown on the order's approval tab.</p><h3>Why has my invoice not been "
                    "paid?</h3><p>Atlas only pays an invoice when the order, goods receipt and invoice match. Check "
                    "that the goods have been receipted. Price differences of up to 2% or £50, whichever is lower, are "
                    "accepted automatically; anything larger goes to accounts payable for review.</p>"
                ),
            },
            {
                "author": "mei.chen",
                "change_note": "Corrected sandbox reset day; added wave two go-live question",
                "body": (
                    "<h2>Atlas ERP: frequently asked questions</h2><p>Answers to the questions asked most often in "
                    "this community. If your question is not here, post it in the discussion area.</p><h3>How do I log "
                    "in?</h3><p>Use your normal Northbridge account at the Atlas link on the intranet home page. You "
                    "do not need a separate password. Colleagues at Harbourline and Eastfield sign in with their "
                    "partner account. If the home page tiles do not load, clear your browser cache before calling the "
                    "service desk.</p><h3>Where is the training sandbox?</h3><p>The sandbox link is in your training "
                    "confirmation email. Sandbox data is reset every Saturday night, so save any test orders you need "
                    "before then.</p><h3>When does my site go live?</h3><p>Wave two, covering warehouses and Eastfield "
                    "finance, goes live three weeks later than first planned. Your site's date is on the Atlas project "
                    "page.</p><h3>Who approves my purchase order?</h3><p>Approvals follow the cost centre and order "
                    "value, not your line manager. The approver is shown on the order's approval tab.</p><h3>Why has "
                    "my invoice not been paid?</h3><p>Atlas only pays an invoice when the order, goods receipt and "
                    "invoice match. Check that the goods have been receipted. Price differences of up to 2% or £50, "
                    "whichever is lower, are accepted automatically; anything larger goes to accounts payable for "
                    "review.</p>"
                ),
            },
        ],
    },
    {
        "community": "atlas-erp-upgrade",
        "slug": "atlas-month-end-checklist",
        "title": "Month-end close checklist in Atlas",
        "parent": "atlas-faq",
        "revisions": [
            {
                "author": "rafael.souza",
                "change_note": "First version of the checklist",
                "body": (
                    "<h2>Month-end close checklist in Atlas</h2><p>A step-by-step checklist for finance teams closing "
                    "the month in Atlas. Work through it in order; each step depends on the one before. Allow extra "
                    "time in the first three months after go-live, while everyone is still learning the new "
                    "screens.</p><h3>Working day 1</h3><ul><li>Confirm all goods receipts for the month have been "
                    "posted.</li><li>Run the unmatched invoices report and chase any older than ten "
                    "days.</li></ul><h3>Working day 2</h3><ul><li>Post accruals for goods received but not "
                    "invoiced.</li><li>Run the depreciation job for fixed assets.</li></ul><h3>Working day "
                    "3</h3><ul><li>Review the trial balance for each cost centre.</li><li>Close the period in the "
                    "general ledger.</li></ul><p>Ask in the community if any step fails.</p>"
                ),
            },
            {
                "author": "elena.popescu",
                "change_note": "Added partner sign-off step; chasing threshold is now seven days",
                "body": (
                    "<h2>Month-end close checklist in Atlas</h2><p>A step-by-step checklist for finance teams closing "
                    "the month in Atlas. Work through it in order; each step depends on the one before. Allow extra "
                    "time in the first three months after go-live, while everyone is still learning the new "
                    "screens.</p><h3>Working day 1</h3><ul><li>Confirm all goods receipts for the month have been "
                    "posted.</li><li>Run the unmatched invoices report and chase any older than seven "
                    "days.</li></ul><h3>Working day 2</h3><ul><li>Post accruals for goods received but not "
                    "invoiced.</li><li>Run the depreciation job for fixed assets.</li></ul><h3>Working day "
                    "3</h3><ul><li>Review the trial balance for each cost centre.</li><li>Partner organisations on the "
                    "shared platform, such as Eastfield, send their cost centre sign-off to Northbridge finance by "
                    "noon.</li><li>Close the period in the general ledger.</li></ul><p>Ask in the community if any "
                    "step fails.</p>"
                ),
            },
            {
                "author": "niamh.gallagher",
                "change_note": "Added payroll journal check",
                "body": (
                    "<h2>Month-end close checklist in Atlas</h2><p>A step-by-step checklist for finance teams closing "
                    "the month in Atlas. Work through it in order; each step depends on the one before. Allow extra "
                    "time in the first three months after go-live, while everyone is still learning the new "
                    "screens.</p><h3>Working day 1</h3><ul><li>Confirm all goods receipts for the month have been "
                    "posted.</li><li>Run the unmatched invoices report and chase any older than seven "
                    "days.</li></ul><h3>Working day 2</h3><ul><li>Post accruals for goods received but not "
                    "invoiced.</li><li>Run the depreciation job for fixed assets.</li><li>Check that the payroll "
                    "journal has posted. It arrives from the payroll system overnight on working day 1; if it is "
                    "missing, contact the payroll team before posting anything else.</li></ul><h3>Working day "
                    "3</h3><ul><li>Review the trial balance for each cost centre.</li><li>Partner organisations on the "
                    "shared platform, such as Eastfield, send their cost centre sign-off to Northbridge finance by "
                    "noon.</li><li>Close the period in the general ledger.</li></ul><p>If any step fails, post the "
                    "error message in the community and note which working day you were on.</p>"
                ),
            },
        ],
    },
    {
        "community": "project-lessons-exchange",
        "slug": "after-action-review-template",
        "title": "After-action review template",
        "parent": None,
        "revisions": [
            {
                "author": "kwame.mensah",
                "change_note": "Created template based on the four standard questions",
                "body": (
                    "<h2>After-action review template</h2><p>Use this template for a short after-action review (AAR) "
                    "at the end of a project stage, an event or an incident. Copy it into a new page for your "
                    "project.</p><h3>1. What did we set out to do?</h3><p>Describe the intended outcome in one or two "
                    "sentences.</p><h3>2. What actually happened?</h3><p>List the key events in order. Stick to "
                    "facts.</p><h3>3. Why was there a difference?</h3><p>Look for causes in the plan, the process and "
                    "the conditions, not in individuals.</p><h3>4. What will we do differently next time?</h3><p>Write "
                    "each lesson as an action: <em>next time, do X before Y</em>. Give each action an owner.</p>"
                ),
            },
            {
                "author": "yuki.tanaka",
                "change_note": "Added project details block and a fifth question on sharing",
                "body": (
                    "<h2>After-action review template</h2><p>Use this template for a short after-action review (AAR) "
                    "at the end of a project stage, an event or an incident. Copy it into a new page for your "
                    "project.</p><h3>Project details</h3><ul><li>Project name and stage</li><li>Date of the "
                    "review</li><li>Facilitator and participants</li></ul><h3>1. What did we set out to "
                    "do?</h3><p>Describe the intended outcome in one or two sentences.</p><h3>2. What actually "
                    "happened?</h3><p>List the key events in order. Stick to facts.</p><h3>3. Why was there a "
                    "difference?</h3><p>Look for causes in the plan, the process and the conditions, not in "
                    "individuals.</p><h3>4. What will we do differently next time?</h3><p>Write each lesson as an "
                    "action: <em>next time, do X before Y</em>. Give each action an owner.</p><h3>5. Who else needs to "
                    "know?</h3><p>Name the projects, communities or teams that should hear about these lessons, and "
                    "tag the lessons so they can be found.</p>"
                ),
            },
            {
                "author": "oluwaseun.adeyemi",
                "change_note": "Added timebox advice to section 2",
                "body": (
                    "<h2>After-action review template</h2><p>Use this template for a short after-action review (AAR) "
                    "at the end of a project stage, an event or an incident. Copy it into a new page for your "
                    "project.</p><h3>Project details</h3><ul><li>Project name and stage</li><li>Date of the "
                    "review</li><li>Facilitator and participants</li></ul><h3>1. What did we set out to "
                    "do?</h3><p>Describe the intended outcome in one or two sentences.</p><h3>2. What actually "
                    "happened?</h3><p>List the key events in order. Stick to facts. Timebox this section to fifteen "
                    "minutes; it is easy to spend the whole session here and run out of time for the "
                    "lessons.</p><h3>3. Why was there a difference?</h3><p>Look for causes in the plan, the process "
                    "and the conditions, not in individuals.</p><h3>4. What will we do differently next "
                    "time?</h3><p>Write each lesson as an action: <em>next time, do X before Y</em>. Give each action "
                    "an owner.</p><h3>5. Who else needs to know?</h3><p>Name the projects, communities or teams that "
                    "should hear about these lessons, and tag the lessons so they can be found.</p>"
                ),
            },
        ],
    },
    {
        "community": "customer-service-knowledge",
        "slug": "article-writing-standard",
        "title": "Knowledge article writing standard",
        "parent": None,
        "revisions": [
            {
                "author": "sofia.lindqvist",
                "change_note": "Published standard agreed at the team leaders' meeting",
                "body": (
                    "<h2>Knowledge article writing standard</h2><p>Every article in the customer service knowledge "
                    "base follows this standard, so that advisers can find answers quickly during a live "
                    "call.</p><h3>Structure</h3><ul><li><strong>Title:</strong> the question the customer asks, in "
                    "plain words.</li><li><strong>Answer:</strong> the short answer in no more than two "
                    "sentences.</li><li><strong>Steps:</strong> numbered steps for the adviser, one action per "
                    "step.</li><li><strong>Exceptions:</strong> cases where the answer is "
                    "different.</li></ul><h3>Style</h3><p>Write for an adviser with a customer on the line. Use short "
                    "sentences and avoid internal jargon.</p><h3>Ownership</h3><p>Every article has one named owner, "
                    "who is responsible for keeping it accurate. The owner's name appears at the foot of the article "
                    "so that advisers know whom to contact.</p>"
                ),
            },
            {
                "author": "chloe.dubois",
                "change_note": "Titles now include the customer's own phrasing",
                "body": (
                    "<h2>Knowledge article writing standard</h2><p>Every article in the customer service knowledge "
                    "base follows this standard, so that advisers can find answers quickly during a live "
                    "call.</p><h3>Structure</h3><ul><li><strong>Title:</strong> the question the customer asks, in "
                    "plain words, with the customer's own phrasing as a second line, for example <em>where is my "
                    "parcel</em>.</li><li><strong>Answer:</strong> the short answer in no more than two "
                    "sentences.</li><li><strong>Steps:</strong> numbered steps for the adviser, one action per "
                    "step.</li><li><strong>Exceptions:</strong> cases where the answer is "
                    "different.</li></ul><h3>Style</h3><p>Write for an adviser with a customer on the line. Use short "
                    "sentences and avoid internal jargon. If you must use a system code, explain it the first time it "
                    "appears.</p><h3>Ownership</h3><p>Every article has one named owner, who is responsible for "
                    "keeping it accurate. The owner's name appears at the foot of the article so that advisers know "
                    "whom to contact.</p>"
                ),
            },
            {
                "author": "fatima.haddad",
                "change_note": "Added legal review requirement",
                "body": (
                    "<h2>Knowledge article writing standard</h2><p>Every article in the customer service knowledge "
                    "base follows this standard, so that advisers can find answers quickly during a live "
                    "call.</p><h3>Structure</h3><ul><li><strong>Title:</strong> the question the customer asks, in "
                    "plain words, with the customer's own phrasing as a second line, for example <em>where is my "
                    "parcel</em>.</li><li><strong>Answer:</strong> the short answer in no more than two "
                    "sentences.</li><li><strong>Steps:</strong> numbered steps for the adviser, one action per "
                    "step.</li><li><strong>Exceptions:</strong> cases where the answer is "
                    "different.</li></ul><h3>Style</h3><p>Write for an adviser with a customer on the line. Use short "
                    "sentences and avoid internal jargon. If you must use a system code, explain it the first time it "
                    "appears.</p><h3>Legal review</h3><p>Articles that mention refunds, compensation, liability or "
                    "personal data must be checked by the Legal team before publication. Tag them "
                    "<strong>legal-review</strong> and allow five working days.</p><h3>Ownership</h3><p>Every article "
                    "has one named owner, who is responsible for keeping it accurate. The owner's name appears at the "
                    "foot of the article so that advisers know whom to contact.</p>"
                ),
            },
        ],
    },
    {
        "community": "customer-service-knowledge",
        "slug": "article-review-cycle",
        "title": "Article review and retirement cycle",
        "parent": None,
        "revisions": [
            {
                "author": "sofia.lindqvist",
                "change_note": "Initial description of the review cycle",
                "body": (
                    "<h2>Article review and retirement cycle</h2><p>Knowledge articles go out of date quickly. This "
                    "page explains how we keep them accurate and how we remove them safely when they are no longer "
                    "true.</p><h3>Regular review</h3><p>Each article owner receives a reminder every six months. The "
                    "owner either confirms the article is still correct, updates it or asks for it to be retired. "
                    "Owners have ten working days to respond before the reminder is passed to their team "
                    "leader.</p><h3>Triggered review</h3><p>An article is reviewed straight away when a policy, price "
                    "or process changes, or when an adviser flags it as wrong.</p><h3>Retirement</h3><p>Retired "
                    "articles are removed from search and kept in the archive for two years.</p>"
                ),
            },
            {
                "author": "ahmed.siddiqui",
                "change_note": "Added CRM release notes and case code unlinking",
                "body": (
                    "<h2>Article review and retirement cycle</h2><p>Knowledge articles go out of date quickly. This "
                    "page explains how we keep them accurate and how we remove them safely when they are no longer "
                    "true.</p><h3>Regular review</h3><p>Each article owner receives a reminder every six months. The "
                    "owner either confirms the article is still correct, updates it or asks for it to be retired. "
                    "Owners have ten working days to respond before the reminder is passed to their team "
                    "leader.</p><h3>Triggered review</h3><p>An article is reviewed straight away when a policy, price "
                    "or process changes, or when an adviser flags it as wrong. CRM release notes now list the articles "
                    "affected by each change, so owners are alerted before the release goes "
                    "live.</p><h3>Retirement</h3><p>Retired articles are removed from search and kept in the archive "
                    "for two years. They are also unlinked from CRM case codes, so that advisers are not sent to a "
                    "retired article from a case screen.</p>"
                ),
            },
        ],
    },
    {
        "community": "new-joiners-network",
        "slug": "first-30-days",
        "title": "Your first 30 days at Northbridge",
        "parent": None,
        "revisions": [
            {
                "author": "aisha.bello",
                "change_note": "First draft from the induction working group",
                "body": (
                    "<h2>Your first 30 days at Northbridge</h2><p>A practical guide for new joiners, written with "
                    "colleagues who started in the last year.</p><h3>Week 1</h3><ul><li>Complete the online induction "
                    "and health and safety modules.</li><li>Meet your manager to agree what success looks like at "
                    "three months.</li><li>Set up your profile in the people directory.</li></ul><h3>Weeks 2 to "
                    "4</h3><ul><li>Meet your buddy at least once a week.</li><li>Visit one site or team outside your "
                    "own area.</li><li>Join at least one community of practice related to your work.</li></ul><h3>Day "
                    "30</h3><p>Review progress with your manager and agree priorities for the next two months. Then "
                    "tell us in the network what was missing from this guide.</p>"
                ),
            },
            {
                "author": "hannah.schmidt",
                "change_note": "Moved first buddy meeting to week 1; clarified buddy frequency",
                "body": (
                    "<h2>Your first 30 days at Northbridge</h2><p>A practical guide for new joiners, written with "
                    "colleagues who started in the last year.</p><h3>Week 1</h3><ul><li>Complete the online induction "
                    "and health and safety modules.</li><li>Meet your manager to agree what success looks like at "
                    "three months.</li><li>Set up your profile in the people directory, including two or three <em>ask "
                    "me about</em> tags, even if you think you are too new to have any.</li><li>Meet your buddy for "
                    "the first time.</li></ul><h3>Weeks 2 to 4</h3><ul><li>Meet your buddy at least once a week for "
                    "the first eight weeks.</li><li>Visit one site or team outside your own area.</li><li>Join at "
                    "least one community of practice related to your work.</li></ul><h3>Day 30</h3><p>Review progress "
                    "with your manager and agree priorities for the next two months. Then tell us in the network what "
                    "was missing from this guide.</p>"
                ),
            },
            {
                "author": "kofi.asante",
                "change_note": "Added tip on finding official documents",
                "body": (
                    "<h2>Your first 30 days at Northbridge</h2><p>A practical guide for new joiners, written with "
                    "colleagues who started in the last year. Nobody expects you to know everything by day 30; the aim "
                    "is to know who to ask.</p><h3>Week 1</h3><ul><li>Complete the online induction and health and "
                    "safety modules.</li><li>Meet your manager to agree what success looks like at three "
                    "months.</li><li>Set up your profile in the people directory, including two or three <em>ask me "
                    "about</em> tags, even if you think you are too new to have any.</li><li>Meet your buddy for the "
                    "first time.</li></ul><h3>Weeks 2 to 4</h3><ul><li>Meet your buddy at least once a week for the "
                    "first eight weeks.</li><li>Visit one site or team outside your own area.</li><li>Join at least "
                    "one community of practice related to your work.</li><li>Find out where your team keeps its "
                    "official documents and templates. Ask, because there are several places and only one is "
                    "current.</li></ul><h3>Day 30</h3><p>Review progress with your manager and agree priorities for "
                    "the next two months. Then tell us in the network what was missing from this guide.</p>"
                ),
            },
        ],
    },
    {
        "community": "new-joiners-network",
        "slug": "finding-the-person-who-knows",
        "title": "Finding the person who knows",
        "parent": "first-30-days",
        "revisions": [
            {
                "author": "hannah.schmidt",
                "change_note": "Created page",
                "body": (
                    "<h2>Finding the person who knows</h2><p>Much of what you need to know at Northbridge is in "
                    "people's heads rather than in documents. These are the quickest ways to find the right "
                    "person.</p><h3>The people directory</h3><p>Search by skill or topic, not just by name. Many "
                    "colleagues list what they are happy to be asked about.</p><h3>Communities</h3><p>Post your "
                    "question in the relevant community. Someone will usually answer or tag the right person within a "
                    "day.</p><h3>Your buddy and manager</h3><p>If you are not sure where to start, ask your buddy. "
                    "They may not know the answer, but they will usually know who does.</p>"
                ),
            },
            {
                "author": "marcus.reid",
                "change_note": "Added service desk section",
                "body": (
                    "<h2>Finding the person who knows</h2><p>Much of what you need to know at Northbridge is in "
                    "people's heads rather than in documents. These are the quickest ways to find the right "
                    "person.</p><h3>The people directory</h3><p>Search by skill or topic, not just by name. Many "
                    "colleagues list what they are happy to be asked about in their <em>ask me about</em> "
                    "tags.</p><h3>Communities</h3><p>Post your question in the relevant community. Someone will "
                    "usually answer or tag the right person within a day.</p><h3>The service desk</h3><p>For system "
                    "access, log-in problems or anything in Atlas, contact the IT service desk on extension 4400 or "
                    "through the self-service portal. Check the knowledge base first; the most common fixes are "
                    "there.</p><h3>Your buddy and manager</h3><p>If you are not sure where to start, ask your buddy. "
                    "They may not know the answer, but they will usually know who does.</p>"
                ),
            },
        ],
    },
]

THREADS = [
    {
        "community": "knowledge-strategy-forum",
        "kind": "announcement",
        "title": "Quarterly strategy review: papers due two weeks before the meeting",
        "body": (
            "The next quarterly knowledge strategy review is in four weeks. Please send your update papers to me **two "
            "weeks before the meeting** so that members have time to read them.\n\nEach paper should be no more than "
            "two pages and cover:\n\n- progress against the priorities in [Knowledge strategy on a "
            "page](https://example.org/wiki/knowledge-strategy-on-a-page)\n- one thing that worked and one that did "
            "not\n- any decision you need from the forum\n\nThank you to everyone who kept to the page limit last time."
        ),
        "author": "priya.raman",
        "days_ago": 6,
        "topics": ["knowledge-strategy", "km-governance"],
        "replies": [
            {
                "author": "james.whitfield",
                "body": (
                    "Thanks, Priya. I would also like each sponsor to say in one line what they will stop doing next "
                    "quarter. We keep adding work without dropping anything."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "question",
        "title": "Capturing knowledge when someone resigns with four weeks' notice",
        "body": (
            "We lost a senior planner last month who handed in four weeks' notice, and most of that time went on "
            "finishing live work. The handover document ended up as a list of file locations.\n\nHow are other "
            "functions handling this? In particular:\n\n- who starts the knowledge capture conversation, HR or the "
            "manager?\n- how do you protect time for it during the notice period?\n\nI would like to bring a proposal "
            "to the next forum meeting."
        ),
        "author": "aisha.bello",
        "days_ago": 18,
        "topics": ["knowledge-strategy"],
        "replies": [
            {
                "author": "niamh.gallagher",
                "body": (
                    "In payroll we now start on **day one of the notice period**. The manager and the leaver list the "
                    "ten decisions only they make, and we book the understudy into shadowing for each one. The "
                    "file-locations list comes last. It is not perfect, but we kept far more this time."
                ),
            },
            {
                "author": "hannah.schmidt",
                "body": (
                    "Learning and Development can provide a facilitator for a two-hour structured interview in the "
                    "first week. Recording it, with permission, has worked better than asking leavers to write "
                    "documents."
                ),
            },
            {
                "author": "priya.raman",
                "body": (
                    "Both good. I would suggest HR triggers the process, because managers are busy and often forget, "
                    "but the manager owns the content. Happy to help draft the proposal, Aisha."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "question",
        "title": "Should knowledge objectives sit in managers' performance reviews?",
        "body": (
            "Several site managers have asked whether contributing to communities or running after-action reviews will "
            "count in their annual review. At the moment it does not, and I suspect that is why it slips when things "
            "get busy.\n\nHas anyone tried adding a knowledge-sharing objective to managers' reviews? Did it change "
            "behaviour, or did it just create box-ticking?"
        ),
        "author": "liam.oconnor",
        "days_ago": 29,
        "topics": ["km-governance"],
        "replies": [
            {
                "author": "james.whitfield",
                "body": (
                    "I am wary of a standard objective. It tends to become a count of posts. I would rather managers "
                    "were asked to give one example of knowledge they shared or reused and what difference it made."
                ),
            },
            {
                "author": "grace.kimani",
                "body": (
                    "At Eastfield we tried a generic objective and it became box-ticking within a year. What worked "
                    "better was adding a question to the review conversation: **what did you learn from another team "
                    "this year?** It is hard to fake a good answer."
                ),
            },
            {
                "author": "fatima.haddad",
                "body": (
                    "If this goes ahead, please keep the wording qualitative. Numerical targets for posting would "
                    "create problems for teams like mine who cannot share much openly."
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "question",
        "title": "Do we need a retention rule for community discussions?",
        "body": (
            "Our records retention schedule covers documents and email, but not community threads. Some threads "
            "contain decisions, and a few contain personal information.\n\nBefore I draft anything: does anyone know "
            "whether the platform can archive or delete threads automatically after a set period? And would "
            "facilitators object to a rule that threads older than three years are archived unless someone marks them "
            "as still useful?"
        ),
        "author": "fatima.haddad",
        "days_ago": 44,
        "topics": ["km-policies"],
        "replies": [
            {
                "author": "priya.raman",
                "body": (
                    "The platform can archive automatically, and archived threads can be excluded from search. A "
                    "three-year default with an opt-out sounds sensible. Decisions should really be moved to the wiki "
                    "anyway, which already has a review date."
                ),
            },
            {
                "author": "tomasz.nowak",
                "body": (
                    "Facilitators will be fine with it as long as they get a warning a month before. Some older "
                    "threads are still the best answer we have, and they need a chance to rescue them."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "tip",
        "title": "Use the critical-knowledge heat map in team meetings",
        "body": (
            "A small tip from engineering. I printed our team's section of the critical-knowledge heat map and put it "
            "on the wall for our monthly meeting. Each month we pick one red square and agree who will start "
            "shadowing.\n\nIt takes ten minutes and has done more than any email about succession planning."
        ),
        "author": "ingrid.johansen",
        "days_ago": 12,
        "topics": ["knowledge-audits"],
        "replies": [
            {
                "author": "liam.oconnor",
                "body": (
                    "Stealing this for the site managers' meeting. Seeing the red squares on paper is much more "
                    "persuasive than a spreadsheet."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "tip",
        "title": "Tie every strategy decision to one concrete example",
        "body": (
            'When we explain forum decisions to teams, a real example lands far better than the principle. **"We are '
            'retiring page-view reporting"** meant nothing to my advisers. **"We found that 41 site playbooks were '
            'reused last quarter, and that is what we will report now"** started a proper conversation.\n\nWorth '
            "adding one example to each decision in the minutes."
        ),
        "author": "sofia.lindqvist",
        "days_ago": 53,
        "topics": ["knowledge-strategy"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "knowledge-strategy-forum",
        "kind": "question",
        "title": "Can partner organisations adopt our knowledge policy as it stands?",
        "body": (
            "Eastfield's board has asked whether we can simply adopt the Northbridge knowledge management policy "
            "rather than write our own. It would save time, but some sections assume Northbridge's roles and systems, "
            "and our clinical governance rules are stricter on patient information.\n\nHas anyone been through this "
            "with another partner? Would you adapt the whole policy, or adopt it with a short local annex?"
        ),
        "author": "grace.kimani",
        "days_ago": 3,
        "topics": ["km-policies", "knowledge-strategy"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "cop-facilitators",
        "kind": "announcement",
        "title": "Facilitator clinic moves to every second Thursday",
        "body": (
            "From next month the facilitator clinic will run **every second Thursday, 12:30 to 13:15**, instead of the "
            "first Monday of the month. Monday mornings clashed with too many site meetings.\n\nBring a live problem "
            "from your community. We spend fifteen minutes on each and you leave with two or three things to try. No "
            "preparation needed.\n\nThe joining link is on the [clinic "
            "page](https://example.org/communities/cop-facilitators/clinic)."
        ),
        "author": "tomasz.nowak",
        "days_ago": 9,
        "topics": ["facilitation"],
        "replies": [
            {
                "author": "grace.kimani",
                "body": (
                    "Thursday lunchtime works much better for Eastfield colleagues too, because our ward rounds finish "
                    "by noon. Thank you for moving it."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "cop-facilitators",
        "kind": "question",
        "title": "How do you stop one senior voice dominating a community call?",
        "body": (
            "In one of the management development communities, a senior director joins every call and ends up speaking "
            "for most of it. He is well-meaning and often right, but other members have stopped contributing.\n\nI do "
            "not want to lose his support. How have others handled this without embarrassing anyone?"
        ),
        "author": "hannah.schmidt",
        "days_ago": 21,
        "topics": ["facilitation", "community-moderation"],
        "replies": [
            {
                "author": "oluwaseun.adeyemi",
                "body": (
                    "Talk to him before the next call and give him a role: ask him to **close** the discussion with a "
                    "summary rather than open it. Senior people usually respond well to being asked to help others "
                    "speak. Then use a round where everyone gives one point before open discussion."
                ),
            },
            {
                "author": "grace.kimani",
                "body": (
                    "Typing answers in the chat first, before anyone speaks, works well. Everyone's ideas are visible "
                    "at once and the loudest voice does not set the direction."
                ),
            },
            {
                "author": "kwame.mensah",
                "body": (
                    "I had this with a programme director. Once I explained that his team were waiting to hear his "
                    "view before giving their own, he started deliberately speaking last. He had not noticed."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "cop-facilitators",
        "kind": "question",
        "title": "Best way to welcome forty new members at once?",
        "body": (
            "After the Atlas wave one training, around forty people joined the ERP community in a single week. The "
            "usual welcome thread was overwhelmed and most newcomers never posted.\n\nWhat do you do when a roll-out "
            "or event brings in a large group at the same time?"
        ),
        "author": "mei.chen",
        "days_ago": 35,
        "topics": ["communities-of-practice"],
        "replies": [
            {
                "author": "tomasz.nowak",
                "body": (
                    "Run a thirty-minute welcome call in the first week instead of relying on a thread. Show them "
                    "three useful threads, ask each person to post one question before the end of the call and answer "
                    "them quickly."
                ),
            },
            {
                "author": "sofia.lindqvist",
                "body": (
                    "We pair each newcomer with an existing member for their first question. It sounds like a lot of "
                    "work, but in practice it is a two-line message."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "cop-facilitators",
        "kind": "question",
        "title": "How often should we archive stale discussion threads?",
        "body": (
            "Our contracts community has threads from four years ago that refer to templates we no longer use. New "
            "members keep finding them in search and following out-of-date advice.\n\nIs there a sensible rule for "
            "archiving old threads, or should we edit them to point to the current guidance?"
        ),
        "author": "lucia.romano",
        "days_ago": 47,
        "topics": ["community-moderation"],
        "replies": [
            {
                "author": "sofia.lindqvist",
                "body": (
                    "We review anything older than eighteen months once a year. If it is still right we leave it, if "
                    "it is wrong but popular we add a note at the top pointing to the new guidance, and otherwise we "
                    "archive it."
                ),
            },
            {
                "author": "tomasz.nowak",
                "body": (
                    "Sofia's approach is the one I would recommend. Also note that a records retention rule for "
                    "threads is being discussed at the strategy forum, so an annual review now will make that easier "
                    "later."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "cop-facilitators",
        "kind": "tip",
        "title": "Open calls with a two-minute 'one thing I learned' round",
        "body": (
            "Before any agenda item, ask each person to type **one thing they learned at work this week** in the chat. "
            "Read out two or three.\n\nIt warms people up, gets every name on screen early and regularly surfaces a "
            "topic better than the one you planned."
        ),
        "author": "grace.kimani",
        "days_ago": 14,
        "topics": ["facilitation"],
        "replies": [
            {
                "author": "diego.herrera",
                "body": (
                    "Tried this on our dock supervisors' call. One of them mentioned a trick for stacking mixed "
                    "pallets that took over the rest of the session, in a good way."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "cop-facilitators",
        "kind": "tip",
        "title": "Post the agenda as questions, not topics",
        "body": (
            "An agenda item called **Shift handovers** invites a presentation. An item called **What is the one thing "
            "that most often goes wrong at handover?** invites a discussion.\n\nRewriting agenda items as questions "
            "has roughly doubled the number of people who speak on our calls."
        ),
        "author": "oluwaseun.adeyemi",
        "days_ago": 66,
        "topics": ["facilitation"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "cop-facilitators",
        "kind": "question",
        "title": "Running a call with warehouse staff who have no laptops",
        "body": (
            "I would like my dock team leaders to join the cross-organisation handover calls, but they work on the "
            "floor and do not have laptops. Most of them have company phones.\n\nHas anyone found a format that works "
            "for people joining from a phone in a noisy warehouse?"
        ),
        "author": "diego.herrera",
        "days_ago": 40,
        "topics": ["facilitation"],
        "replies": [
            {
                "author": "oluwaseun.adeyemi",
                "body": (
                    "Keep it to twenty minutes and avoid anything on screen. We book a quiet meeting room with a "
                    "speakerphone and let the team leaders join together from there."
                ),
            },
            {
                "author": "mei.chen",
                "body": (
                    "For the Atlas warehouse training we recorded short videos people could watch on their phones in "
                    "advance, then used the live call only for questions. The calls were half as long and far more "
                    "focused."
                ),
            },
            {
                "author": "priya.raman",
                "body": (
                    "Also worth asking their managers to count the call as working time and schedule it at shift "
                    "changeover. Otherwise it will always lose to the next lorry."
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "cop-facilitators",
        "kind": "tip",
        "title": "Ask a member to co-host",
        "body": (
            "Since I started asking a different member to co-host each monthly call, fewer people drop out at the last "
            "minute. The co-host invites a few colleagues personally and feels responsible for the turnout.\n\nIt also "
            "gives you a pool of people who could take over if you move on."
        ),
        "author": "kwame.mensah",
        "days_ago": 81,
        "topics": ["facilitation"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "cop-facilitators",
        "kind": "question",
        "title": "Is there a good measure of community health beyond post counts?",
        "body": (
            "The strategy forum is dropping membership counts as a measure, and I would like to replace them with "
            "something more meaningful for communities.\n\nWhat do you actually look at when you judge whether your "
            "community is healthy? I am looking for two or three measures that would be fair across very different "
            "communities."
        ),
        "author": "priya.raman",
        "days_ago": 26,
        "topics": ["community-health", "measuring-km"],
        "replies": [
            {
                "author": "tomasz.nowak",
                "body": (
                    "The quarterly [health check](https://example.org/wiki/community-health-check) asks how many "
                    "different people contributed and whether questions get answered within two days. Both are easy to "
                    "pull and hard to game."
                ),
            },
            {
                "author": "sofia.lindqvist",
                "body": (
                    "I would add one qualitative question: can the facilitator name an improvement that came from the "
                    "community this quarter? If the answer is no for two quarters, something is wrong, whatever the "
                    "numbers say."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "announcement",
        "title": "Wave two go-live moved back by three weeks",
        "body": (
            "The project board has agreed to move the **wave two go-live back by three weeks**. Wave two covers the "
            "warehouses, Harbourline's goods receipt and Eastfield finance.\n\nThe extra time will be used to fix the "
            "goods receipt issues found in testing and to run a second round of warehouse training closer to the new "
            "date.\n\nTraining sessions already booked will be moved automatically; you will receive a new invitation. "
            "The updated dates are on the [Atlas project page](https://example.org/atlas/wave-two)."
        ),
        "author": "mei.chen",
        "days_ago": 5,
        "topics": ["change-management"],
        "replies": [
            {
                "author": "diego.herrera",
                "body": (
                    "Thank you for the early notice. Could the Felixstowe training stay on the original date? We have "
                    "agency staff booked for cover that week."
                ),
            },
            {
                "author": "mei.chen",
                "body": (
                    "Yes, Diego. I will keep Felixstowe on the original date and add a short refresher session the "
                    "week before go-live."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "question",
        "title": "Why does the cost centre default to my home site?",
        "body": (
            "When I raise a purchase requisition for an Eastfield estates project, Atlas fills in the cost centre for "
            "my home site rather than the project. I have to change it every time, and twice I forgot.\n\nIs there a "
            "way to change the default, or to set it per requisition template?"
        ),
        "author": "elena.popescu",
        "days_ago": 24,
        "topics": ["collaboration-tools"],
        "replies": [
            {
                "author": "rafael.souza",
                "body": (
                    "The default comes from your user profile. Go to **My settings > Purchasing defaults** and set the "
                    "default cost centre to the project. If you switch between projects, save a requisition template "
                    "for each one; templates override the profile default."
                ),
            },
            {
                "author": "marcus.reid",
                "body": (
                    "If the settings page is greyed out, your partner account needs the purchasing defaults "
                    "permission. Raise a service desk request and mention this thread; it takes about a day."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "question",
        "title": "Goods receipt against a partial delivery: do we split the line?",
        "body": (
            "In the test environment we received 18 of 24 pallets on one order line. Atlas let us receipt 18, but the "
            "line then showed as partly received and the invoice was held.\n\nShould we split the line into two, or "
            "leave it open until the rest arrives? The supplier invoices for the full quantity."
        ),
        "author": "diego.herrera",
        "days_ago": 16,
        "topics": ["collaboration-tools"],
        "replies": [
            {
                "author": "rafael.souza",
                "body": (
                    "Leave the line open and receipt the 18. Do not split it. If the supplier invoices for 24, the "
                    "invoice will wait until the remaining 6 are receipted or the buyer closes the line short. Closing "
                    "it short triggers a credit note request to the supplier."
                ),
            },
            {
                "author": "yuki.tanaka",
                "body": (
                    "At Derby we added a note to the receipt saying when the rest is expected. It saves a lot of "
                    "chasing later when accounts payable asks why the invoice is held."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "question",
        "title": "Where do I find the training sandbox log-in?",
        "body": (
            "I have just joined the finance rotation and missed the wave one training. My manager says I should "
            "practise in the sandbox, but I cannot find the link anywhere on the intranet.\n\nWhere is it, and do I "
            "need a separate account?"
        ),
        "author": "kofi.asante",
        "days_ago": 31,
        "topics": [],
        "replies": [
            {
                "author": "mei.chen",
                "body": (
                    "Welcome, Kofi. The sandbox link is only in the training confirmation email, which you will not "
                    "have received. I have sent it to you directly and added a note to the [Atlas "
                    "FAQ](https://example.org/wiki/atlas-faq). You use your normal account. Remember that sandbox data "
                    "is reset every weekend."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "tip",
        "title": "Clear your browser cache if the home tiles disappear",
        "body": (
            "About a third of the Atlas calls to the service desk this month were about the home page tiles "
            "disappearing after an update. The fix is to **clear your browser cache** and reload.\n\nIn most browsers: "
            "press Ctrl+Shift+Delete, tick cached images and files, and clear the last 24 hours."
        ),
        "author": "marcus.reid",
        "days_ago": 11,
        "topics": [],
        "replies": [
            {
                "author": "arjun.mehta",
                "body": (
                    "Thanks, Marcus. We are adding a version check to the next release so the browser reloads the "
                    "tiles automatically, which should make this go away."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "tip",
        "title": "Save your report layouts as variants",
        "body": (
            "If you change the columns or filters on an Atlas report, save it as a **variant** before you close it. "
            "Otherwise you will be rebuilding the same layout every month.\n\nVariants can be shared with your team, "
            "so one person can set up the month-end reports for everyone."
        ),
        "author": "rafael.souza",
        "days_ago": 38,
        "topics": ["reference-material"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "question",
        "title": "Will the payroll journal interface change in wave two?",
        "body": (
            "Payroll currently sends a journal file to the old finance system overnight. In wave two the general "
            "ledger moves fully to Atlas.\n\nDoes anyone know whether the journal file format changes, and whether we "
            "need to test the interface before go-live? I would rather not find out at the first payroll run."
        ),
        "author": "niamh.gallagher",
        "days_ago": 2,
        "topics": [],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "tip",
        "title": "Search across all modules from the top bar",
        "body": (
            "You do not need to open the right module before searching. Type an order number, supplier name or invoice "
            "number into the **search bar at the top of every Atlas screen** and it will find matching records across "
            "purchasing, finance and inventory.\n\nPut quotation marks around a supplier name to match it exactly."
        ),
        "author": "arjun.mehta",
        "days_ago": 27,
        "topics": ["search-tips"],
        "replies": [
            {
                "author": "minh.nguyen",
                "body": (
                    "This saves me a lot of time when a driver calls about a delivery. I search the order number and "
                    "see the receipt status straight away."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "atlas-erp-upgrade",
        "kind": "question",
        "title": "Can Harbourline users see Northbridge stock levels?",
        "body": (
            "Our transport planners at Harbourline would like to check Northbridge stock levels before confirming "
            "delivery slots with customers. At the moment we phone the warehouse.\n\nWill our partner accounts have "
            "access to stock levels after wave two, or is that restricted?"
        ),
        "author": "minh.nguyen",
        "days_ago": 19,
        "topics": ["collaboration-tools"],
        "replies": [
            {
                "author": "arjun.mehta",
                "body": (
                    "Technically it is possible: partner accounts can be given read-only access to the inventory "
                    "overview. Whether they should is a business decision."
                ),
            },
            {
                "author": "rafael.souza",
                "body": (
                    "Bear in mind that stock levels include reserved stock. Without the reservations view the numbers "
                    "can look better than they are."
                ),
            },
            {
                "author": "mei.chen",
                "body": (
                    "I checked with the project board. Harbourline planners will get **read-only access to available "
                    "stock**, excluding reservations, from wave two. Ask your manager to confirm who needs it and we "
                    "will include them in the access request."
                ),
            },
        ],
        "accepted": 2,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "question",
        "title": "How do you tag lessons so the next project finds them?",
        "body": (
            "I have written up six lessons from the Derby picking layout project. I want them to be found by whoever "
            "plans the next layout change, probably in a year or two.\n\nWhat tags actually work? Project name seems "
            "useless, because nobody will know it. Should I tag by site, by type of work, by equipment, or all three?"
        ),
        "author": "yuki.tanaka",
        "days_ago": 17,
        "topics": ["lessons-learned-registers", "tagging-practice"],
        "replies": [
            {
                "author": "kwame.mensah",
                "body": (
                    "Tag by the **type of work** first, because that is what the next team will search for: layout "
                    "change, conveyor, racking. Then site. Leave out the project name unless it is well known."
                ),
            },
            {
                "author": "arjun.mehta",
                "body": (
                    "From the search side: use the standard tags from the [tagging "
                    "guide](https://example.org/library/tagging-practice) rather than inventing new ones. Search "
                    'groups results by standard tags, and free-text tags like "derby layout v2" are almost never '
                    "searched for."
                ),
            },
            {
                "author": "lucia.romano",
                "body": (
                    "I would also add the equipment supplier as a tag. Many of our contract lessons are about a "
                    "particular supplier, and that is often the first thing someone searches."
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "question",
        "title": "What is the smallest project that warrants a retrospective?",
        "body": (
            "We ask every capital project to hold a lessons-learned session at close. For a £40,000 racking extension "
            "that feels like overkill, but small projects are where we repeat the same mistakes most often.\n\nIs "
            "there a sensible threshold, or should the format simply scale down?"
        ),
        "author": "james.whitfield",
        "days_ago": 33,
        "topics": ["project-retrospectives"],
        "replies": [
            {
                "author": "ingrid.johansen",
                "body": (
                    "I would scale the format rather than set a threshold. For small projects a thirty-minute "
                    "after-action review with the core team is enough, using the [AAR "
                    "template](https://example.org/wiki/after-action-review-template). The important thing is that "
                    "someone reads it before the next similar job."
                ),
            },
            {
                "author": "kwame.mensah",
                "body": (
                    "Agreed. The fifteen-minute lessons slot at kick-off is what makes it worthwhile, regardless of "
                    "project size."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "question",
        "title": "Sharing contract lessons without breaching confidentiality",
        "body": (
            "Some of our most useful lessons come from contract disputes: where a clause was ambiguous or a service "
            "level was unrealistic. But the contracts are confidential, and some suppliers would object to being "
            "named.\n\nHow can I share these in the community without creating a legal risk?"
        ),
        "author": "lucia.romano",
        "days_ago": 60,
        "topics": ["lessons-learned"],
        "replies": [
            {
                "author": "fatima.haddad",
                "body": (
                    "Remove the supplier name, value and dates, and describe the **clause type** and what went wrong. "
                    '"A delivery service level measured at the depot gate rather than the customer door led to a '
                    'dispute" is useful and safe. Send me anything you are unsure about before posting.'
                ),
            },
            {
                "author": "kwame.mensah",
                "body": (
                    "This is exactly why posts here are checked before publishing. If in doubt, submit it and note "
                    "that you would like a legal review."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "tip",
        "title": "Timebox the 'what happened' section",
        "body": (
            "In most after-action reviews I facilitate, the team spends forty minutes reconstructing what happened and "
            "rushes the lessons at the end.\n\nSet a visible timer for **fifteen minutes** on that section. If you run "
            "out, agree the main points and move on. The lessons are the part that matters."
        ),
        "author": "oluwaseun.adeyemi",
        "days_ago": 22,
        "topics": ["after-action-reviews"],
        "replies": [
            {
                "author": "minh.nguyen",
                "body": (
                    "Used this in our route planning review last week. We finished on time for the first time and "
                    "actually agreed three actions."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "tip",
        "title": "Photograph the whiteboard before you wipe it",
        "body": (
            "Simple but often forgotten. The best thinking in a review is usually on the whiteboard or flip chart, and "
            "nobody writes it up properly. Take a photo on your phone and attach it to the lessons page before anyone "
            "leaves the room."
        ),
        "author": "diego.herrera",
        "days_ago": 74,
        "topics": ["lessons-learned"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "question",
        "title": "Has anyone run an AAR with a subcontractor in the room?",
        "body": (
            "We had a difficult peak weekend where a subcontracted haulier missed several collections. I would like to "
            "run an after-action review that includes them, because half the story is theirs.\n\nHas anyone done this? "
            "I am worried it will turn into a contract argument."
        ),
        "author": "minh.nguyen",
        "days_ago": 41,
        "topics": ["after-action-reviews"],
        "replies": [
            {
                "author": "diego.herrera",
                "body": (
                    "We did one with a labour agency at Felixstowe. It helped to agree at the start that commercial "
                    "points would be noted and handled separately by the account managers."
                ),
            },
            {
                "author": "kwame.mensah",
                "body": (
                    "Diego's approach is right. I would also use a facilitator from neither organisation, and **send "
                    "the four questions in advance** so the subcontractor knows it is about learning, not blame. Hold "
                    "the commercial conversation on a different day."
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "question",
        "title": "Should lessons from failed vendor selections be shared openly?",
        "body": (
            "We recently abandoned a vendor selection for a warehouse scanning system after four months. There are "
            "some valuable lessons about how we wrote the requirements.\n\nBut the project was politically sensitive. "
            "Should these lessons be shared openly here, or kept within IT?"
        ),
        "author": "arjun.mehta",
        "days_ago": 4,
        "topics": ["lessons-learned", "tool-selection"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "project-lessons-exchange",
        "kind": "tip",
        "title": "Quote one lesson in the next kick-off deck",
        "body": (
            "Since May, every engineering kick-off deck has a slide titled **What the last similar project would tell "
            "us**, with one or two lessons quoted word for word and the name of someone to ask.\n\nIt costs five "
            "minutes to prepare and means lessons are read at the moment they are useful."
        ),
        "author": "ingrid.johansen",
        "days_ago": 56,
        "topics": ["lessons-learned"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "announcement",
        "title": "Knowledge base freeze during the CRM upgrade weekend",
        "body": (
            "The CRM upgrade takes place next weekend. To protect the links between articles and case codes, the "
            "knowledge base will be **read-only from 18:00 on Friday until 08:00 on Monday**.\n\nAdvisers can still "
            "read and search all articles. If you find an urgent error over the weekend, message the duty team leader, "
            "who can publish an emergency fix.\n\nA list of articles affected by the upgrade is in the [release "
            "notes](https://example.org/crm/release-notes)."
        ),
        "author": "sofia.lindqvist",
        "days_ago": 8,
        "topics": ["content-lifecycle"],
        "replies": [
            {
                "author": "ahmed.siddiqui",
                "body": (
                    "Thanks, Sofia. We will send article owners a list of the case codes that change, so links can be "
                    "checked on Monday morning."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "question",
        "title": "Refund article contradicts the terms page: which one is right?",
        "body": (
            "The knowledge article **Refunds for damaged items** says refunds are processed within 5 working days. The "
            "terms and conditions page on the website says 14 days.\n\nAdvisers are quoting 5 days and customers are "
            "complaining when it takes longer. Which figure is correct, and who fixes it?"
        ),
        "author": "marcus.reid",
        "days_ago": 20,
        "topics": ["review-and-retirement"],
        "replies": [
            {
                "author": "fatima.haddad",
                "body": (
                    "The terms and conditions are the legal commitment, so **14 days** is correct. Most refunds are "
                    'processed faster, but we cannot promise 5. The article should say "within 14 days, usually '
                    'sooner".'
                ),
            },
            {
                "author": "sofia.lindqvist",
                "body": (
                    "Thanks, Fatima. I have updated the article and added a note for advisers. I have also tagged it "
                    "for legal review, as it should have been in the first place."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "question",
        "title": "How do I suggest an edit if I'm not the article owner?",
        "body": (
            "I am on my customer service rotation and noticed that the article on changing a delivery address still "
            "mentions the old online form. I do not own the article.\n\nShould I post here, email the owner or is "
            "there a button somewhere?"
        ),
        "author": "kofi.asante",
        "days_ago": 13,
        "topics": ["content-curation"],
        "replies": [
            {
                "author": "chloe.dubois",
                "body": (
                    "Use the **Suggest an edit** link at the bottom of the article. It goes straight to the owner and "
                    "is tracked, so it does not get lost in email. If it is affecting customers right now, also post "
                    "here so we can fix it quickly."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "question",
        "title": "Can Harbourline driver FAQs live in this knowledge base?",
        "body": (
            "Our drivers get asked the same questions by Northbridge customers at the door, for example about returns "
            "and missed deliveries. Their answers do not always match what your advisers say.\n\nCould we add a small "
            "set of driver FAQs to this knowledge base so that both teams give the same answer?"
        ),
        "author": "minh.nguyen",
        "days_ago": 45,
        "topics": ["content-curation"],
        "replies": [
            {
                "author": "sofia.lindqvist",
                "body": (
                    "Yes, and it is a good idea. Rather than separate driver FAQs, we could add a **driver view** to "
                    "the existing articles, so there is one source of truth. Could you send me the ten questions "
                    "drivers hear most often?"
                ),
            },
            {
                "author": "ahmed.siddiqui",
                "body": (
                    "We can give Harbourline drivers read-only mobile access to the knowledge base. Let me know how "
                    "many drivers and I will price the licences."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "tip",
        "title": "Search with the customer's words, not ours",
        "body": (
            "If search does not find the article you need, try the words the customer used, such as **where is my "
            "parcel** instead of **consignment tracking**. We are adding customer phrases to every article, but until "
            "then it is worth trying both."
        ),
        "author": "chloe.dubois",
        "days_ago": 10,
        "topics": ["search-tips"],
        "replies": [
            {
                "author": "arjun.mehta",
                "body": (
                    "We have added the first fifty customer phrases as search synonyms this week. Let us know which "
                    "other phrases fail."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "tip",
        "title": "Link CRM case codes to articles",
        "body": (
            "If you own an article, add the matching **CRM case codes** in the article settings. The article will then "
            "appear automatically on the case screen when an adviser selects that code. Around 40% of articles are "
            "linked so far."
        ),
        "author": "ahmed.siddiqui",
        "days_ago": 30,
        "topics": ["content-curation"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "question",
        "title": "Who approves articles that mention delivery times?",
        "body": (
            "Several articles quote delivery times from Felixstowe to customer regions. They were correct last year, "
            "but our transit times have changed since we moved to a new trunking schedule.\n\nWho should approve "
            "changes to these figures: Northbridge customer service, or Harbourline?"
        ),
        "author": "diego.herrera",
        "days_ago": 57,
        "topics": ["review-and-retirement"],
        "replies": [
            {
                "author": "chloe.dubois",
                "body": (
                    "I think the article owner in customer service should make the change, but using figures you "
                    "provide."
                ),
            },
            {
                "author": "sofia.lindqvist",
                "body": (
                    "Chloé is right, with one addition: we will name you as the **subject matter reviewer** on those "
                    "articles, so you are asked to confirm them at every six-monthly review. That way they will not "
                    "drift out of date again."
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "customer-service-knowledge",
        "kind": "question",
        "title": "Why do archived articles still appear in search?",
        "body": (
            "I have had two reports this week of advisers finding archived articles through the intranet search, "
            "although they no longer appear in the knowledge base's own search.\n\nBefore I dig into the index "
            "configuration: is there a step in the retirement process that updates the intranet search?"
        ),
        "author": "arjun.mehta",
        "days_ago": 68,
        "topics": ["enterprise-search", "review-and-retirement"],
        "replies": [
            {
                "author": "marcus.reid",
                "body": (
                    "I do not think so. When I archived an article last month, nobody mentioned the intranet index."
                ),
            },
            {
                "author": "sofia.lindqvist",
                "body": (
                    "There is not, and there should be. I have added a step to the retirement checklist: the article "
                    "owner raises a request to **remove the page from the intranet index** on the day it is archived. "
                    "Arjun, could you confirm whether that can be automated?"
                ),
            },
        ],
        "accepted": 1,
    },
    {
        "community": "new-joiners-network",
        "kind": "announcement",
        "title": "Coffee roulette for new joiners starts on Monday",
        "body": (
            "From Monday, everyone in the New Joiners' Network can sign up for **coffee roulette**. Each month you "
            "will be paired at random with a colleague from another team or organisation for a thirty-minute chat, "
            "online or in person.\n\nThere is no agenda. Most people talk about what their team does and what "
            "surprised them when they started.\n\nSign up on the [coffee roulette "
            "page](https://example.org/communities/new-joiners/coffee-roulette) by Friday."
        ),
        "author": "hannah.schmidt",
        "days_ago": 7,
        "topics": ["onboarding"],
        "replies": [
            {
                "author": "elena.popescu",
                "body": (
                    "Is this open to Eastfield colleagues on the shared finance team? I would love to meet people at "
                    "Northbridge."
                ),
            },
            {
                "author": "hannah.schmidt",
                "body": (
                    "Yes, Elena, everyone in the network can take part, including Harbourline and Eastfield "
                    "colleagues. Just sign up on the page."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "new-joiners-network",
        "kind": "question",
        "title": "What does 'LKM' mean in the strategy documents?",
        "body": (
            "I keep seeing **LKM** in the strategy papers and community descriptions. I assumed it was a system, but "
            "it seems to refer to people.\n\nWhat does it stand for, and is there a list of the other acronyms I "
            "should know?"
        ),
        "author": "kofi.asante",
        "days_ago": 25,
        "topics": ["knowledge-strategy"],
        "replies": [
            {
                "author": "aisha.bello",
                "body": (
                    "LKM stands for **local knowledge manager**: someone in a function or site who adapts the "
                    "knowledge approach locally and looks after content quality there. Each site has one, usually "
                    "part-time."
                ),
            },
            {
                "author": "marcus.reid",
                "body": (
                    "There is a glossary in the library, although it is not easy to find. Here is the link: "
                    "[Northbridge glossary](https://example.org/library/glossary)."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "new-joiners-network",
        "kind": "question",
        "title": "Do Eastfield staff have access to the Northbridge learning portal?",
        "body": (
            "I joined the Eastfield finance team in the spring and work mostly on the shared Northbridge finance "
            "platform. Some of the Atlas training refers to courses on the Northbridge learning portal, but I cannot "
            "log in.\n\nAre partner staff entitled to use it, and if so, who do I ask?"
        ),
        "author": "elena.popescu",
        "days_ago": 36,
        "topics": ["onboarding"],
        "replies": [
            {
                "author": "hannah.schmidt",
                "body": (
                    "Yes, partner staff working on shared services can use the portal for role-related courses. Ask "
                    "your manager to send a request to Learning and Development with your role and start date, and we "
                    "will set up access within a week. I have also added this to the partner onboarding checklist."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "new-joiners-network",
        "kind": "question",
        "title": "Who arranges the site induction at Coventry?",
        "body": (
            "I am transferring from Derby to Coventry next month. At Derby my site induction was arranged by my "
            "manager, but my new manager thinks it is done centrally.\n\nWho actually arranges site inductions, and do "
            "I need to repeat the full one if I have already done Derby's?"
        ),
        "author": "yuki.tanaka",
        "days_ago": 50,
        "topics": ["onboarding"],
        "replies": [
            {
                "author": "aisha.bello",
                "body": (
                    "Site inductions are arranged by the **site health and safety adviser**, not centrally. As a "
                    "transfer you only need the site-specific part, which takes about two hours. I will put you in "
                    "touch with the Coventry adviser."
                ),
            },
            {
                "author": "chloe.dubois",
                "body": (
                    "When I moved teams I found the site-specific induction really useful, mainly for the fire exits "
                    "and the car park rules, which nobody tells you otherwise."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "new-joiners-network",
        "kind": "tip",
        "title": "Use the 'ask me about' tags in the people directory",
        "body": (
            "When you do not know who to ask, search the people directory for a topic instead of a name. Many "
            "colleagues have added **ask me about** tags, such as returns process or month-end close.\n\nAnd add your "
            "own tags, even in your first week. You know more than you think."
        ),
        "author": "chloe.dubois",
        "days_ago": 15,
        "topics": ["expertise-location"],
        "replies": [
            {
                "author": "lucia.romano",
                "body": (
                    "Good tip. I found our contract template expert this way in my second week and saved myself a lot "
                    "of guessing."
                ),
            },
        ],
        "accepted": None,
    },
    {
        "community": "new-joiners-network",
        "kind": "tip",
        "title": "Bookmark the service desk knowledge base on day one",
        "body": (
            "Most first-week IT problems, such as setting up multi-factor authentication, connecting to the VPN or "
            "installing Teams on your phone, have a step-by-step article in the **service desk knowledge base**. "
            "Searching there first is usually quicker than waiting for a call back."
        ),
        "author": "marcus.reid",
        "days_ago": 48,
        "topics": ["search-tips"],
        "replies": [],
        "accepted": None,
    },
    {
        "community": "new-joiners-network",
        "kind": "question",
        "title": "Is it normal not to have a buddy after three weeks?",
        "body": (
            "I joined Harbourline three weeks ago and was told I would be given a Northbridge buddy because I work "
            "closely with their customer service team. I have not heard anything yet.\n\nIs this normal, or has "
            "something been missed?"
        ),
        "author": "minh.nguyen",
        "days_ago": 28,
        "topics": ["buddy-schemes"],
        "replies": [
            {
                "author": "hannah.schmidt",
                "body": (
                    "It is not normal, sorry, Minh. Partner joiners were not on our list for this round. I have found "
                    "you a buddy in customer service, and you should hear from them this week. We have also fixed the "
                    "list for future partner joiners."
                ),
            },
            {
                "author": "grace.kimani",
                "body": (
                    "The same thing happened to an Eastfield colleague. It might be worth asking all partner joiners "
                    "in the network whether they have been matched."
                ),
            },
        ],
        "accepted": 0,
    },
    {
        "community": "new-joiners-network",
        "kind": "question",
        "title": "Recommended reading on how Northbridge is organised?",
        "body": (
            "The organisation chart on the intranet shows reporting lines, but not how decisions are actually made or "
            "how the different businesses and partners fit together.\n\nIs there anything, such as a document, a talk "
            "recording or a person, that explains how Northbridge really works?"
        ),
        "author": "lucia.romano",
        "days_ago": 1,
        "topics": ["onboarding"],
        "replies": [
            {
                "author": "grace.kimani",
                "body": (
                    "Not an answer, but I would like to know too. As a partner, I still find it hard to know which "
                    "Northbridge forum decides what."
                ),
            },
        ],
        "accepted": None,
    },
]
