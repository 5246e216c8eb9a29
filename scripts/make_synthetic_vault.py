#!/usr/bin/env python3
"""Write a synthetic Markdown note vault shaped like the OECD-OPSI vault.

Usage: make_synthetic_vault.py OUT_DIR [--notes 25000] [--seed 1] [--notes-per-talk 10]

Every note has YAML front matter (title, videoId), a "From: [[channel_index]] <br/>" line, `## `/`### `
headings, paragraphs, `*   ` bullet lists (some nested, most with a **bold lead**), occasional
`> [!info]` callouts, `[[stem | label]]` / `[[stem|label]]` / `[[Title As Written]]` wiki links
(about 3% dangling) and `<a class="yt-timestamp" data-t="HH:MM:SS">[HH:MM:SS]</a>` anchors
(about 6% of notes use bare `[HH:MM:SS]` text instead, as in the real vault).
Per-note size, links, timestamps, headings, list items, paragraphs and callouts are drawn from the
empirical quantiles of the OECD vault (embedded below, measured once from
/work/shared/vaults/oecd-opsi at tubegraph commit d72c12f) with a Gaussian copula on file size, so
their correlation with size is kept too. The vocabulary is the vault's 3000 most frequent words
plus its frequent short words and a few accented words (accent folding matters for search).
`channel_index.md` lists the talks: `### [Talk title](https://www.youtube.com/watch?v=ID)` then
`- [[stem | Title]]` lines. Output is deterministic for a given --seed and --notes.
Standard library only (Python 3.11).
"""
import argparse
import bisect
import math
import os
import random
import sys
import time
from statistics import NormalDist

# ----------------------------------------------------------------------------------------------
# Measured constants (do not need the OECD vault at run time).
# ----------------------------------------------------------------------------------------------
QUANTILE_P = [0, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.975, 0.99, 0.995, 1]
# OECD-OPSI empirical quantiles per note (877 notes, index page excluded), at QUANTILE_P,
# and the Spearman rank correlation of each statistic with the file size in bytes.
OECD_QUANTILES = {
    'bytes': (1.0, [144, 254.2, 357.3, 1965.6, 2445.4, 3561.2, 4447.8, 5948.4, 7187, 7960.2, 8743.8, 9498.4, 10023.8, 10531, 11268.6, 11840.2, 12547.8, 13175.6, 13908, 14943.4, 16066, 17967.6, 20164.8, 22215.9, 24865.9, 26588.5, 34019]),
    'links': (0.496, [1, 1, 1, 2, 3, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 11, 13, 14, 15, 17, 20, 24, 31, 36, 43.2, 48, 70]),
    'ts': (0.95, [0, 0, 1, 9, 13, 17, 22, 27.2, 33, 37, 41.6, 44.4, 47, 50, 53, 56, 61, 64.2, 70, 77, 80.6, 90.4, 108, 123.1, 190.1, 252, 573]),
    'h2': (0.639, [0, 0, 0, 0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 8, 9, 9, 14]),
    'h3': (0.583, [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10, 12, 15, 16.6, 19]),
    'h4': (0.211, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 5.2, 6, 8]),
    'li': (0.798, [0, 0, 0, 0, 0, 2, 4, 6, 7, 9, 12, 14, 16, 19, 20.8, 23, 26, 28, 30, 33, 38, 43, 50, 58.1, 70.5, 79, 101]),
    'nested': (0.327, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 5, 7, 13, 18.1, 24.2, 33.2, 79]),
    'callouts': (0.081, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3.6, 10]),
    'para': (0.686, [0, 0.4, 1, 3, 4, 5, 6, 6, 7, 8, 8, 9, 10, 11, 12, 12, 13, 14, 15, 16, 18, 20.4, 23, 27, 29.5, 32, 58]),
}
OECD_MEANS = {'bytes': 10783.25, 'links': 12.32, 'ts': 54.95, 'h2': 3.96, 'h3': 3.90, 'h4': 0.19, 'li': 20.88, 'nested': 2.19, 'callouts': 0.13, 'para': 11.78}
OECD_NOTES_WITH_BARE_TIMESTAMPS = 0.0639  # notes using "[HH:MM:SS]" text instead of anchors
OECD_BOLD_LEAD_FRACTION = 0.776  # list items starting with **bold**
OECD_LABEL_DIFFERS_FRACTION = 0.880  # piped links whose label is not the target title

# The 3000 most frequent words (length >= 3) of the OECD-OPSI vault bodies, as word:count,
# in their usual mid-sentence capitalisation (OECD, Denmark, COVID ...).
VOCAB_TEXT = """
and:39050 the:31411 for:13847 innovation:9292 public:7939 with:6531 this:6028 that:4954
from:4920 are:4552 government:3922 can:3440 sector:3366 new:3172 challenges:2964 future:2873
governments:2818 their:2739 not:2609 like:2536 more:2372 digital:2370 policy:2333 data:2087
change:2034 has:2024 services:1983 approach:1930 key:1924 crisis:1861 often:1851 citizens:1791
people:1761 collaboration:1685 work:1667 these:1650 trust:1602 behavioral:1600 learning:1590
need:1582 they:1573 solutions:1544 how:1501 different:1493 crucial:1476 mission:1457 making:1455
into:1443 governance:1420 also:1414 building:1398 within:1382 its:1381 than:1367 which:1357
across:1346 while:1333 was:1333 impact:1304 system:1285 have:1279 where:1277 pandemic:1270
through:1251 science:1247 approaches:1243 about:1237 climate:1218 organizations:1216
support:1212 based:1196 between:1172 systems:1171 service:1170 existing:1169 such:1163
COVID:1162 should:1158 significant:1133 foresight:1117 but:1115 challenge:1112 what:1093
health:1072 strategic:1070 global:1045 understanding:1040 focus:1037 complex:1024 processes:1022
include:1020 process:1016 development:1014 management:1012 risk:1011 private:1007 OECD:1006
missions:1005 including:1004 them:998 there:987 rather:985 all:981 ideas:978 role:972
effective:966 technology:964 national:950 working:948 social:938 when:934 oriented:933
design:933 anticipatory:930 must:924 leadership:924 skills:916 information:915 countries:909
long:907 requires:906 tools:896 problems:895 were:893 beyond:891 being:890 engagement:887
oecdobservatoryofpublicsec:877 policies:873 other:871 civil:871 specific:865 term:864
involves:862 during:851 administration:844 portfolio:843 use:836 research:835 better:834
insights:831 needs:829 time:829 clear:817 servants:817 issues:815 political:807 cross:793
diverse:786 local:786 projects:778 one:772 fostering:768 experimentation:768 implementation:768
transformation:766 society:764 capacity:764 human:762 problem:761 over:759 changes:756
thinking:740 international:737 innovative:736 ensuring:735 knowledge:724 areas:723
especially:720 citizen:704 using:702 model:698 lack:697 decision:697 initiatives:695
stakeholders:686 creating:684 goals:684 just:682 efforts:681 will:679 critical:677
understand:675 build:674 level:671 communication:666 particularly:663 ensure:663 even:662
action:655 who:649 practices:645 current:642 opportunities:636 common:635 strategies:634 due:627
regulatory:624 addressing:623 developing:620 methods:620 help:617 OPSI:615 example:607
resources:604 aims:603 open:603 community:600 individuals:598 providing:598 culture:597
outcomes:597 traditional:594 access:593 creation:592 many:591 systemic:587 leading:585 high:582
project:582 address:577 may:576 shift:574 various:574 driven:572 experience:571 program:571
continuous:564 teams:560 value:558 technologies:558 essential:557 make:557 towards:557
decisions:556 been:553 cooperation:546 societal:544 organizational:541 ways:540 leaders:539
context:538 sharing:532 strong:531 both:526 world:523 European:523 provide:522 organization:517
adaptive:516 levels:516 risks:515 shared:513 core:512 create:511 innovations:511 focusing:511
helps:510 tool:510 goal:508 users:508 uncertainty:504 misinformation:501 structures:500
includes:495 crises:495 sectors:494 user:490 barriers:490 agile:487 importance:487 develop:486
those:484 funding:484 testing:483 without:482 city:480 actors:479 needed:474 examples:474
together:472 team:472 most:472 highlighted:471 moving:468 however:465 identify:463 success:462
evidence:461 adaptation:458 practice:458 foster:456 participation:455 response:455 feedback:454
potential:453 among:453 good:442 well:442 results:438 online:437 models:437 several:436
broader:436 lead:434 infrastructure:430 improve:425 difficult:424 space:421 focused:421
sustainable:416 developed:416 communities:415 economic:415 engaging:414 lessons:412
initiative:412 rules:412 allowing:412 environment:410 strategy:409 despite:408 might:405
used:404 institutions:403 only:401 groups:400 ability:399 led:398 real:398 futures:398 seen:398
emerging:397 around:396 important:396 changing:394 benefits:394 platform:394 collective:392
responses:391 increased:388 activities:387 purpose:386 questions:385 rapid:384 actions:384
two:384 training:381 financial:381 platforms:380 things:379 interventions:379 measures:378
multi:378 border:378 less:377 planning:377 allows:377 some:377 adapt:375 capabilities:374
framework:374 agency:373 investment:373 vital:367 media:367 years:366 effectively:365 means:364
collaborative:364 transparency:364 cancer:364 successful:363 regulation:362 types:361 single:361
requiring:361 behavior:361 principles:358 programs:356 coordination:356 quality:355 focuses:354
companies:354 significantly:353 right:352 partnerships:351 individual:351 implementing:350
necessary:350 engage:350 ecosystem:350 administrative:350 report:348 internal:346 provides:344
become:344 improving:342 experts:342 learn:342 digitalization:340 energy:340 large:340
inclusive:339 case:339 Brazil:339 way:338 recognizing:337 resilience:337 costs:337 out:336
silos:335 evaluation:333 state:333 down:331 first:331 test:331 green:330 care:329 center:327
remote:326 cities:326 agencies:325 analysis:325 challenging:321 involving:321 early:321
sludge:321 achieve:320 part:320 experiences:319 best:319 sense:319 control:318 external:317
factors:315 leveraging:315 scale:315 actively:314 could:314 Commission:314 identifying:314
trends:313 small:313 participants:313 demand:310 delivery:309 technological:309 innovators:305
discussions:305 employees:304 vision:304 toolkit:304 staff:303 before:302 learned:299 gap:299
efficiency:298 initial:297 Sweden:297 greater:296 face:296 mindset:295 low:294 life:293
multiple:293 integrating:293 central:293 three:292 established:292 objectives:291 portfolios:290
relationships:290 non:290 act:290 increase:287 enabling:287 improvement:287 commitment:286
avoid:286 healthcare:285 idea:285 mechanisms:284 business:283 economy:283 four:283 power:282
Canada:282 education:282 designed:281 identified:281 opportunity:279 instead:279 recovery:279
highlights:278 country:277 solution:276 quickly:275 involved:274 transition:273 bottom:272
businesses:272 emphasizes:271 intelligence:271 perspectives:271 each:271 explore:270 network:270
require:270 managers:268 behaviors:267 frameworks:264 self:263 made:263 immediate:261 points:261
food:261 fundamental:260 doing:260 supporting:259 reducing:259 senior:258 normal:257
complexity:257 declaration:257 failure:257 partners:256 contexts:256 adapting:255 five:254
policymakers:254 others:254 vulnerable:252 proactive:251 events:251 literacy:251 Observatory:251
cultural:251 concept:251 policymaking:251 legal:251 Finland:251 share:250 Ministry:250
Australia:250 aim:250 Portugal:250 personal:248 CAF:248 shifts:246 exploration:246
application:245 ongoing:245 democracy:245 corruption:245 defining:244 find:244 networks:243
scaling:243 technical:241 why:241 major:241 increasingly:240 stakeholder:240 created:240
managing:240 centered:239 increasing:238 physical:238 globally:238 own:237 positive:237
broad:236 top:235 journey:235 democratic:234 designing:233 performance:233 aspects:232
because:232 enhancement:232 influence:232 ecosystems:232 expertise:231 always:231 side:231
setting:230 nature:230 innovate:229 included:229 direct:229 drive:229 progress:228 dedicated:227
your:227 revealed:227 had:226 limited:226 growth:226 similar:226 discussion:225 integrity:225
elements:224 industry:224 scenarios:224 related:224 resilient:224 environmental:223
accountability:223 move:223 perspective:223 values:223 desired:223 shifting:222 toolkits:222
relevant:221 reduce:221 cases:221 involvement:220 sandboxes:220 step:218 take:218
procurement:218 rapidly:217 expectations:217 implemented:217 effort:217 burdens:217
environments:216 maintaining:216 encourage:216 exploring:215 continuously:215 adoption:215
language:215 market:214 involve:213 possible:213 integrate:212 Europe:212 demonstrated:212
UAE:212 bringing:211 options:211 short:211 available:211 flexible:210 dialogue:210 whether:210
incentives:210 launched:210 promoting:210 experimental:209 highly:209 studies:208 enable:208
participatory:208 study:208 centers:207 question:207 allow:207 ethical:207 agility:206
spaces:206 Lab:206 evolving:205 past:204 defined:204 priorities:204 practical:204 assessment:204
states:203 regulations:203 ministries:203 respond:202 forward:202 primary:202 don:202
starting:202 encouraging:202 given:201 integration:201 accelerated:201 year:201 monitoring:200
present:200 point:200 robust:199 under:199 impacts:199 budget:198 solving:198 accessible:198
partnership:198 balance:197 very:197 advice:197 cost:197 establishing:197 driving:197
inclusion:197 bias:197 roles:197 direction:196 sectoral:196 solve:196 situations:196
strengthening:196 you:196 Minister:196 responsibility:195 quick:195 exchange:195 code:195
experiment:194 already:194 effects:194 Denmark:194 administrations:194 remain:193 dynamic:193
commitments:193 plan:193 conditions:192 pre:192 whole:192 set:191 flexibility:191 openness:191
longer:190 investments:190 leverage:190 aiming:190 effectiveness:190 integrated:189 further:189
politicians:188 radical:188 women:188 overcoming:187 directly:186 back:186 expected:186
efficient:185 offers:185 every:185 lives:184 empowering:184 anticipation:184 borders:183
population:183 regional:182 societies:181 standards:181 capability:180 machine:179 inform:179
achieving:178 products:178 awareness:178 itself:178 implement:178 interest:178 functions:177
old:177 transformative:177 place:177 resource:177 labs:177 meet:176 after:176 sustainability:176
million:175 office:175 emphasizing:175 connecting:175 experiments:175 demonstrating:174
compliance:174 ultimately:174 makers:174 framing:174 plans:173 prevent:173 higher:172 next:172
consider:172 ambitious:172 provided:172 having:172 facets:172 think:172 too:171 centric:171
valuable:171 bodies:170 times:170 manage:170 gaps:170 deep:169 then:169 embrace:169 guidance:169
psychological:169 systematic:169 align:168 investing:168 Slovenia:168 solely:167 works:167
much:167 field:167 populations:166 creative:166 main:166 facilitate:166 cycles:165
potentially:165 cannot:165 fully:165 true:165 concrete:165 inequalities:164 now:164 safe:163
define:163 preparedness:163 found:163 Norway:163 navigator:163 workforce:162 instance:162
sometimes:162 interests:162 since:161 taking:161 reports:161 reporting:161 carbon:161 ones:160
fit:160 insufficient:160 against:160 regarding:160 departments:160 still:159 methodology:159
active:159 area:159 uncertain:158 scientific:158 structure:158 differently:157 general:157
finding:156 listening:156 embracing:156 worldwide:156 concepts:156 benefit:156 news:156 once:156
prepared:155 activity:155 considered:155 biases:155 governmental:155 behind:155 patient:155
status:154 measuring:154 built:154 merely:154 shaping:154 bring:154 considerations:154
contribute:153 something:153 transport:153 post:153 today:152 same:152 required:152
prioritize:152 virtual:152 confidence:152 concerns:152 simple:152 institutional:152 group:152
Playbook:152 connect:151 reach:151 growing:151 likely:151 faced:150 drivers:150 maintain:150
done:150 possibilities:150 considering:150 officials:150 principle:150 legislation:150
anticipate:149 legitimacy:149 attention:149 GBV:149 resistance:148 overcome:148 patients:148
operations:148 responsible:148 promote:148 answers:148 pace:147 applied:147 looking:146 fast:146
view:146 tackle:145 safety:145 findings:145 federal:145 day:145 France:145 consistent:144
gain:144 offer:144 issue:144 widespread:143 security:143 end:143 structural:143 iterative:143
yet:142 invest:142 tax:142 strengthen:142 expert:142 fear:142 channels:142 Estonia:142
perception:142 constantly:141 conducted:141 prototyping:141 recommendations:141 burden:141
clearly:141 entire:141 inherently:140 tackling:140 facing:140 supply:140 empower:139 Ireland:139
supported:139 addresses:138 boundaries:138 leads:138 assess:137 trusted:137 remains:137 play:137
implications:137 voices:137 choices:137 targets:137 demands:136 easier:136 uses:136
recognized:136 steps:136 spread:136 renewal:136 applying:136 committed:135 contact:135
authorities:135 unique:135 interactions:135 inequality:135 measure:135 deliver:134 reduction:134
guidelines:134 surveys:134 enhancing:134 structured:134 avoiding:133 helping:133 willingness:133
highlighting:133 Prime:133 know:133 ground:132 diversity:132 accelerate:132 prepare:131 quo:131
improved:131 operate:131 utilizing:131 regulators:131 horizon:131 startups:130 ensures:130
methodologies:130 start:130 aimed:130 tested:130 children:130 informed:130 forms:130 mental:130
full:130 hinder:129 everyone:129 South:129 ready:128 talent:128 speed:128 norms:128
researchers:128 violence:128 overall:127 exist:127 enhance:127 failures:127 would:127
sources:127 balancing:127 seeking:127 consultation:127 serve:127 relationship:127 navigate:126
buy:126 perceived:126 civic:126 customer:126 intervention:126 continued:126 necessitates:125
acknowledging:125 call:125 initially:125 comprehensive:125 adopt:125 presents:125 survey:125
workers:124 feel:124 coordinated:124 mobility:124 sustained:124 adopting:124 Netherlands:124
income:124 communicate:124 second:124 prevention:124 willing:123 scenario:123 apply:123
formal:123 upon:123 rethinking:123 zero:123 shape:123 assumptions:123 reality:123 faster:122
bureaucratic:122 artificial:122 pilot:122 makes:122 linear:122 objective:122 school:122
medicine:122 supports:121 dealing:121 directions:121 ideation:121 impactful:120 extensive:120
input:120 outside:120 poll:120 truly:120 applications:119 type:119 tech:119 stronger:119
becoming:119 embed:118 living:118 urban:118 situation:118 instruments:118 targeted:118
generations:117 transform:117 serves:117 negative:117 algorithms:117 specifically:117 free:117
member:116 regular:116 allowed:116 path:116 collaborating:116 suggests:116 delivering:115
helped:115 trying:115 workshops:115 alongside:115 emissions:115 form:115 privacy:115 track:115
period:115 hard:115 demonstrate:114 adaptability:114 stages:114 navigating:114
municipalities:114 audit:114 emerge:113 modern:113 fosters:113 proposal:113 aversion:113
continue:113 learnings:113 home:113 anticipating:112 function:112 reform:112 cycle:112 alone:112
improvements:112 inherent:112 age:112 push:112 enough:112 gender:112 transparent:112 agenda:112
vaccine:111 young:111 guide:111 appropriate:111 accuracy:111 aligning:111 limitations:111
powerful:111 primarily:111 accessibility:111 urgent:110 offering:110 certain:110 creativity:110
neutral:110 person:110 engaged:110 natural:109 line:109 previously:109 accelerating:109
capital:109 systematically:109 another:109 holistic:109 developments:108 habits:108 mistakes:108
themselves:108 job:108 unexpected:108 daily:108 productivity:108 youth:108 incremental:108
consequences:108 follow:108 definition:108 becomes:108 Council:108 entities:107 standard:107
constant:107 known:107 sandbox:107 momentum:106 rates:106 fail:106 proposals:106 asking:106
messages:106 forces:106 conversations:106 academia:106 seamless:106 largely:105 discovery:105
highlight:105 practitioners:105 establish:105 capacities:105 incubator:105 Chile:105 rights:104
phase:104 criteria:104 protection:104 encourages:104 content:104 procedures:104 skill:103
interaction:103 review:103 typically:103 basic:103 simply:103 priority:103 trials:103
beneficial:103 readiness:103 emergency:103 struggle:102 universities:102 signals:102
restrictions:102 Outlook:102 tangible:102 acting:102 mandate:102 event:101 explicit:101
outcome:101 evaluating:101 adapted:101 equity:101 deliberate:101 fundamentally:100 embedding:100
want:100 conclusion:100 believe:100 underlying:100 reliance:100 generate:99 explicitly:99
novel:99 LabX:99 loss:99 trusting:99 peer:99 emphasis:99 combining:99 competition:99
facilitating:99 London:99 mitigation:99 metrics:99 rigid:98 creates:98 understood:98 useful:98
keep:98 close:98 easy:98 preventing:98 members:98 mindsets:98 agreement:98 reforms:98 reasons:97
look:97 empathy:97 funds:97 markets:97 characteristics:97 relying:97 emerged:97 successes:97
aspect:97 stress:97 qualitative:97 audits:97 doesn:97 method:97 bureaucracy:97 prior:96
transformations:96 brought:96 collaborate:96 equitable:96 get:96 meetings:96 did:95 jobs:95
return:95 Serbia:95 Latvia:95 justice:95 STI:95 her:95 identity:95 prioritizing:94 terms:94
connections:94 disciplinary:94 finance:94 circular:94 deeply:94 adaptable:94 pressure:93
annual:93 big:93 experimenting:93 influencing:93 mapping:93 false:93 breaking:93 actual:93
Singapore:93 Lund:93 proactively:92 smaller:92 scientists:92 autonomy:92 authority:92 showed:92
stories:92 enables:92 target:92 family:92 conference:92 employee:91 experienced:91 does:91
recent:91 larger:91 generation:91 collaborations:91 source:91 blockchain:91 translate:91
Africa:91 trend:91 consumption:91 conduct:90 faces:90 dimensions:90 sufficient:90 adopted:90
calls:90 recognize:90 budgets:90 show:90 intent:90 ethics:90 wider:90 committee:90 effect:90
away:90 constraints:90 motivation:90 middle:89 trade:89 explores:89 Canadian:89 movement:89
six:89 net:89 any:89 discuss:89 personalized:89 nations:89 version:89 topics:89 seek:89
siloed:89 preparing:88 humans:88 assistance:88 judgment:88 tasks:88 waste:88 range:88
electronic:88 French:88 continuity:87 responsive:87 schools:87 see:87 currently:87 parliament:87
come:87 message:87 fake:87 lies:86 money:86 characterized:86 evaluate:86 stage:86 conducting:86
difficulties:86 barrier:86 though:86 Union:86 linked:86 financing:86 necessitating:85 roadmap:85
communicating:85 maturity:85 recognition:85 urgency:85 managed:85 emphasized:85 circumstances:85
advance:85 contributing:85 logic:85 coordinating:85 unified:85 bridge:84 proposed:84
iteration:84 slow:84 internet:84 lower:84 GDP:84 distribution:83 compared:83 certainty:83 isn:83
therefore:83 ownership:83 tailored:83 Wales:83 landscape:82 presented:82 tracking:82 reduced:82
frame:82 features:82 cutting:82 concern:82 meaningful:82 wrong:82 massive:82 reflect:82
previous:82 kit:82 stewardship:82 reactive:82 fostered:82 everything:81 shown:81 became:81
aid:81 automatic:81 respondents:81 law:81 fund:81 embedded:81 off:81 perceptions:81
employment:81 Institute:80 pandemics:80 easily:80 observed:80 incorporating:80 operates:80
wide:80 exposed:80 following:80 contributions:80 participate:80 widely:80 worked:80 anti:80
competencies:79 actionable:79 cognitive:79 audience:79 consensus:79 connected:79 alignment:79
providers:79 councils:79 responding:78 errors:78 hybrid:78 article:78 proved:78 directed:78
stop:78 sustaining:78 decade:78 necessity:78 traditionally:78 views:78 informing:78
production:78 getting:78 domestic:78 gather:77 differences:77 tend:77 approximately:77 happen:77
days:77 hundreds:77 months:77 fields:76 universal:76 purposes:76 themes:76 last:76
cultivating:76 achieved:76 innovating:75 desire:75 requirements:75 visible:75 additional:75
standing:75 places:75 laws:75 paradigm:75 advanced:75 campaigns:75 meaning:75 history:75
turning:75 wave:75 secure:75 parts:75 Spain:75 Indonesia:75 utilize:74 nearly:74 virus:74
foundation:74 app:74 divide:74 builds:74 medical:74 consultations:74 throughout:74 going:74
academic:74 colleagues:74 identifies:74 poverty:74 tracing:74 taxes:74 hiring:73 regions:73
few:73 deal:73 showing:73 distinct:73 unprecedented:73 difficulty:73 reaching:73 seeks:73
consumers:73 emergent:73 gov:73 live:72 never:72 paper:72 percentage:72 prototypes:72
operating:72 unknown:72 served:72 explored:72 consumer:72 ask:72 mutual:72 transforming:72
transitions:72 proof:72 Korea:72 patterns:71 distributed:71 emphasize:71 equal:71 began:71
aligned:71 components:71 capture:71 giving:71 along:71 scope:71 professional:71 force:71 mix:71
entrepreneurial:70 entirely:70 underscored:70 connection:70 rethink:70 treatment:70 friendly:70
exists:70 Academy:70 reflection:70 dynamics:70 evolution:70 disruptive:70 left:70 alternative:70
Vinnova:70 reviews:70 reported:70 signal:70 historically:69 unlike:69 almost:69 explain:69
black:69 timely:69 enabled:69 gaining:69 half:68 indicators:68 encouraged:68 concerning:68
rural:68 viewed:68 average:68 measurement:68 hindering:68 joint:68 professionals:68
ministerial:68 foundational:68 inclusivity:68 evolve:67 later:67 diseases:67 exercise:67
chains:67 relevance:67 consistently:67 impossible:67 voluntary:67 water:67 heard:67
competency:66 tendency:66 stable:66 simplifying:66 historical:66 narrative:66 disinformation:66
belief:66 fairness:66 generally:66 politics:66 bold:66 guiding:66 organized:66 spending:66
Swedish:66 survivors:66 realities:65 room:65 designs:65 unit:65 deliberative:65 randomized:65
listen:65 assessing:65 via:65 reframing:65 heavily:65 revealing:65 noise:65 translating:65
started:65 synergies:65 healthy:65 putting:65 size:64 sustain:64 disciplines:64 combined:64
simplify:64 mean:64 simultaneously:64 acts:64 shocks:64 interact:64 put:64 imagination:64
produce:64 proven:64 taken:64 satisfaction:64 AIG:64 noted:64 harder:64 medium:64 ahead:63
advancements:63 factor:63 informal:63 introducing:63 shifted:63 result:63 give:63 product:63
choice:63 associated:63 expanding:63 vulnerabilities:63 saw:63 reliable:63 outdated:63
paramount:63 grant:63 task:63 board:63 Slovenian:63 units:63 Lebanon:63 inter:63 industrial:62
architecture:62 clarity:62 freedom:62 deeper:62 NGOs:62 answer:62 addressed:62 fragmented:62
regardless:62 relies:62 savings:62 materials:62 interoperability:62 loops:62 welfare:61
advisory:61 either:61 apps:61 try:61 SDGs:61 interviews:61 series:61 eligibility:61 selected:61
playing:61 gathering:61 facilitates:61 advocates:61 starter:61 smart:61 partner:61 readable:61
UNDP:61 routines:60 rule:60 promotes:60 introduced:60 redesign:60 monitor:60 kind:60 affected:60
forced:60 break:60 waiting:60 sub:60 purely:60 university:60 selection:60 quantitative:60
orientation:60 combine:60 positions:60 session:60 insight:60 novelty:60 offered:60 hospitals:60
transfer:60 ministers:60 alliance:60 designers:59 acknowledge:59 fighting:59 balanced:59
understandable:59 modernization:59 weeks:59 game:59 influenced:59 least:59 mind:59 bridging:59
budgeting:59 insurance:59 economies:59 assessments:59 visions:59 parties:59 Brazilian:59
aligns:58 clearer:58 pushing:58 enhanced:58 frontline:58 narratives:58 rigorous:58
collaboratively:58 moment:58 raising:58 unemployment:58 generating:58 spots:58 official:58
roadmaps:58 meeting:57 error:57 outset:57 fragmentation:57 asked:57 United:57 scalability:57
decades:57 dialogues:57 demonstrates:57 receive:57 controlled:57 matters:57 absence:57 topic:57
course:57 occur:57 demographic:57 municipal:57 austerity:57 opening:57 emergence:56
responsiveness:56 excellence:56 beginning:56 indicates:56 lacking:56 successfully:56
prototype:56 Aftershock:56 elderly:56 impacted:56 numerous:56 default:56 protect:56 hands:56
opinions:56 website:56 identification:56 hierarchical:56 servant:56 debt:56 fits:56
intentions:56 running:55 extend:55 panelists:55 responsibilities:55 determine:55 exacerbated:55
overarching:55 dominant:55 unnecessary:55 agendas:55 fact:55 phases:55 rely:55 conversation:55
element:55 strengths:55 dependent:55 lockdown:55 connects:55 Montenegro:55 techniques:54
integrates:54 interactive:54 appetite:54 measurable:54 comes:54 complete:54 little:54
redesigning:54 extends:54 counter:54 blind:54 entry:54 implicit:54 combat:54 rate:54 Director:54
intensive:54 third:54 furthermore:54 legislative:54 flow:54 matter:54 tips:54 solar:54 funded:54
soft:53 hours:53 skilled:53 takes:53 analyze:53 suggesting:53 voice:53 suggest:53 basis:53
backgrounds:53 varied:53 forum:53 ultimate:53 Belgium:53 exploratory:53 happening:53
contributes:53 moon:53 rewards:53 panels:53 inspire:53 Vienna:53 changed:52 detailed:52 talk:52
serious:52 viable:52 manner:52 number:52 trained:52 competitive:52 analyzing:52 prioritized:52
mentality:52 permission:52 likelihood:52 agreed:52 collectively:52 document:52 households:52
speak:51 static:51 agreements:51 introduction:51 presence:51 scaled:51 coherence:51 families:51
frustration:51 reinforcing:51 Medicaid:51 annually:51 reframe:51 exclusion:51 scanning:51
horizons:51 College:51 algorithmic:51 sessions:51 she:51 coordinate:51 questioning:51 Slovak:51
lens:51 shock:51 vaccines:51 multilateral:51 lockdowns:51 per:51 lasting:51 assemblies:51
match:50 train:50 Australian:50 facilitated:50 multifaceted:50 grants:50 called:50 drawing:50
capable:50 complexities:50 specialists:50 disruptions:50 career:50 truth:50 planned:50 late:50
initiated:50 prompting:50 partnered:50 position:50 Centricity:50 department:50 NRW:50
operational:50 numbers:50 weaknesses:50 mobile:50 police:50 Vietnam:50 entrepreneurs:49
arrangements:49 unpredictable:49 Japan:49 needing:49 huge:49 occurs:49 executive:49 steer:49
conspiracy:49 humility:49 clients:49 offices:49 consideration:49 acted:49 Danish:49 knowing:49
algorithm:49 supportive:49 seven:49 actually:49 dilemma:49 wicked:49 difference:49 overview:49
ideal:49 received:49 moonshot:49 plays:49 portal:49 brings:48 shops:48 biggest:48 accurate:48
inclusiveness:48 analytical:48 Germany:48 departmental:48 uncertainties:48 usage:48 our:48
possibility:48 met:48 steering:48 weak:48 uptake:48 reveal:48 neutrality:48 intergenerational:48
link:48 machines:48 communications:48 mandates:48 teleworking:48 relatively:47 zone:47
paradigms:47 company:47 contextual:47 simplification:47 linking:47 failing:47 depends:47
combating:47 rise:47 interconnected:47 complicated:47 coverage:47 arise:47 doctors:47
discussed:47 discourse:47 suitable:47 refers:47 save:47 inadequate:47 facilitation:47 chain:47
account:47 takeaways:47 economics:47 Slovakia:47 intentional:47 recruitment:46 assist:46
component:46 availability:46 empowerment:46 mere:46 unintended:46 upskilling:46 possess:46
migration:46 racial:46 detection:46 feeling:46 RCTs:46 able:46 proper:46 cars:46 maximize:46
manager:46 necessitate:46 inspired:46 ambition:46 agriculture:46 hold:46 journeys:46
Canadians:46 beliefs:46 acceptance:46 layers:46 hubs:46 lifecycle:46 expect:45 cultivate:45
mode:45 pathways:45 order:45 indicating:45 nudges:45 equality:45 visibility:45 protecting:45
turn:45 profound:45 particular:45 discussing:45 SMEs:45 occurred:45 introduce:45 advocate:45
keeping:45 producing:45 pressing:45 nudge:45 map:45 owners:45 plastic:45 assets:45 reference:45
stems:44 threats:44 week:44 accustomed:44 lesson:44 horizontal:44 automation:44 great:44
diagnosis:44 strongly:44 expanded:44 competence:44 blueprint:44 represent:44 adequate:44
inspiring:44 Flanders:44 engineering:44 mask:44 obligations:44 react:44 goods:44 gains:44
upcoming:43 channel:43 contributed:43 acknowledges:43 corporate:43 placed:43 closely:43
susceptibility:43 optimal:43 collection:43 provision:43 expand:43 shows:43 failed:43
indicated:43 domains:43 reflecting:43 formats:43 beds:43 problematic:43 imperative:43
targeting:43 comfortable:43 representatives:43 pilots:43 democracies:43 collecting:43 profit:43
equipment:43 surge:43 raises:43 scheme:43 hope:43 pillars:43 digitally:43 package:43 billion:43
clinical:43 select:43 cultures:42 held:42 interdisciplinary:42 special:42 saving:42 client:42
clarifying:42 players:42 efficacy:42 edge:42 genuine:42 documents:42 reviewing:42 mobilize:42
impede:42 covering:42 checking:42 conflicts:42 audiences:42 Paris:42 followed:42 felt:42
partly:42 obstacles:42 Directorate:42 washing:42 nation:42 workshop:42 generative:42
filtering:42 aging:41 deployment:41 centralized:41 outreach:41 articulate:41 promising:41
vary:41 theories:41 quicker:41 campaign:41 body:41 Romania:41 thought:41 gained:41 dimension:41
note:41 March:41 participating:41 catalyst:41 moments:41 leave:41 zones:41 prioritization:41
invested:41 abstract:41 immediately:41 launch:41 removing:41 distancing:41 digitization:41
intended:41 exposure:41 defaults:41 networking:41 younger:40 white:40 exercises:40 perceive:40
closing:40 adjust:40 intellectual:40 accepting:40 Chief:40 trademark:40 incorporate:40
customers:40 frequently:40 cut:40 gas:40 trial:40 disproportionately:40 courage:40 socially:40
organize:40 affect:40 utilized:40 regulating:40 LLMs:40 index:40 personnel:40 expensive:40
dissemination:40 biodiversity:40 propose:40 packages:40 sound:40 lines:40 typical:40 draft:40
pay:40 facilitator:40 reinforced:40 isolated:40 utilization:40 silo:40 chronic:40 clean:40
enap:40 securing:40 PPE:40 CSIRO:40 workplace:39 comfort:39 versus:39 software:39 accept:39
search:39 recognizes:39 stability:39 leveraged:39 boost:39 check:39 representation:39 losing:39
recruiting:39 debate:39 broadly:39 devices:39 broken:39 sophisticated:39 polarization:39
warning:39 committees:39 empowers:39 represents:39 begin:39 presenting:39 tensions:39 child:39
distance:39 parallel:39 norm:39 reaction:39 movements:39 guides:39 grow:39 helix:39 front:39
bound:38 uncomfortable:38 property:38 base:38 outputs:38 operation:38 detect:38 press:38
raise:38 run:38 older:38 hurdles:38 mandatory:38 excellent:38 statements:38 stated:38
proximity:38 stay:38 replication:38 tests:38 parliamentary:38 facilitators:38 functioning:38
indicate:38 picture:38 holding:38 deliberately:38 mainstreaming:38 competing:38 usual:38
competitions:38 marginalized:38 manifesto:38 solved:37 thereby:37 light:37 settings:37
contribution:37 enabler:37 viewing:37 depth:37 applies:37 proving:37 Scotland:37 frictions:37
spent:37 harm:37 links:37 critically:37 mainstream:37 aware:37 affecting:37 averse:37
storytelling:37 coherent:37 rational:37 similarly:37 empirical:37 happens:37 driver:37
considers:37 say:37 continuing:37 speaking:37 ambitions:37 lock:37 pivotal:37 exit:37 masks:37
inquiries:37 emotional:37 scalable:37 realistic:37 consistency:37 serving:37 hub:37 coalition:37
license:37 portion:36 strict:36 deploying:36 lost:36 meant:36 remotely:36 pursue:36 protocols:36
poor:36 repurposing:36 vehicles:36 majority:36 unusual:36 openly:36 solid:36 accepted:36
rulemaking:36 suggested:36 ago:36 conflict:36 prefer:36 succeed:36 bank:36 whom:36
exemplified:36 ten:36 realization:36 myth:36 blocks:36 rising:36 minute:36 table:36 seriously:36
visual:36 receiving:36 residents:36 narrow:36 traction:36 steward:36 achievements:36
acceleration:36 double:36 Rashid:36 strength:36 Israel:36 window:35 repurposed:35 exemplifies:35
enforcement:35 careful:35 offline:35 provider:35 prove:35 adding:35 cause:35 champion:35
optimism:35 legally:35 leaving:35 handling:35 engineers:35 independent:35 Presidency:35
minimal:35 fiscal:35 transparently:35 hoc:35 preferred:35 measured:35 isolation:35
mobilization:35 video:35 mitigate:35 affordable:35 reached:35 bin:35 contemporary:34 evident:34
predictable:34 largest:34 generated:34 alternatives:34 discover:34 risking:34 weekly:34
genuinely:34 explaining:34 interconnectedness:34 yield:34 prioritizes:34 regularly:34
credibility:34 predictability:34 emergencies:34 lived:34 recommendation:34 spirit:34 fair:34
predict:34 aids:34 extremely:34 hackathons:34 corporations:34 interested:34 secretariat:34
storage:34 auditing:34 worldviews:34 versions:34 periods:34 NASA:34 developers:34 century:34
academics:34 highest:34 trigger:34 crossing:34 KPIs:34 story:34 streets:34 optimization:34
Mohammed:34 victims:34 fixed:33 establishment:33 milestones:33 limit:33 goes:33 contracts:33
timelines:33 computer:33 behaviorally:33 paperwork:33 preference:33 resist:33 realize:33 info:33
replicate:33 nine:33 sensitive:33 impacting:33 notes:33 pressures:33 theory:33 fatigue:33
Finnish:33 described:33 affects:33 someone:33 attributed:33 reuse:33 modeling:33 bandwidth:33
diagnostic:33 routine:33 harnessing:33 enterprises:33 death:33 overly:33 municipality:33
questionnaire:33 precision:33 phone:33 utilizes:33 Zealand:33 Hack:33 frugal:33 equipped:32
courses:32 month:32 chance:32 applicants:32 backing:32 acceptable:32 rigor:32 location:32
freedoms:32 peers:32 continually:32 determining:32 disabilities:32 whose:32 bottlenecks:32
intuitive:32 automatically:32 published:32 accelerator:32 limits:32 harness:32 Italy:32
temporary:32 distinction:32 missing:32 institutes:32 award:32 inviting:32 unclear:32 sciences:32
disseminate:32 everyday:32 wait:32 treated:32 leader:32 budgetary:32 instrument:32 layer:32
degree:32 Republic:32 specialized:32 constructive:32 allocation:32 disease:32 fixing:32
predicting:32 conferences:32 marketplace:32 maps:32 merit:32 occurring:31 experiencing:31
opened:31 timeframe:31 webinar:31 confined:31 forefront:31 mitigating:31 disruption:31
reinforce:31 struggles:31 organizing:31 tell:31 handle:31 advantage:31 joined:31 his:31
hosted:31 footprint:31 languages:31 awards:31 fewer:31 incentive:31 mechanism:31 otherwise:31
participated:31 risky:31 grounded:31 dependencies:31 correctly:31 final:31 telling:31
ineffective:31 complement:31 institution:31 crowdsourcing:31 biophony:31 vulnerability:31
stewarding:31 survivor:31 contract:31 Barefoot:31 taxpayer:30 image:30 directive:30
politically:30 theme:30 text:30 internally:30 elsewhere:30 extreme:30 ethnographic:30
Helsinki:30 pitches:30 bad:30 red:30 automated:30 overlooked:30 evolved:30 accessing:30
documentation:30 performing:30 Dutch:30 severe:30 sets:30 expectation:30 persist:30 cloud:30
paths:30 increases:30 decisive:30 ICT:30 founded:30 euros:30 drives:30 tailoring:30
directionality:30 directives:30 controlling:30 reacting:30 showcase:30 anchoring:30
reflections:30 until:30 completely:30 refine:30 prompted:30 total:30 add:30 reliability:30
enablers:30 expressed:30 reductions:30 influences:30 locally:30 clusters:30 extending:30
housing:30 matching:30 actor:30 inputs:30 Holland:30 chosen:30 geopolitical:30 girls:30 ease:29
revert:29 slower:29 leverages:29 incentivize:29 amount:29 adaptations:29 ideally:29
discovering:29 encompassing:29 Portuguese:29 citizenship:29 moves:29 plus:29 advancing:29
convening:29 adjusting:29 accountable:29 generates:29 coming:29 constitutes:29 fears:29 vast:29
moral:29 reveals:29 integral:29 electric:29 emerges:29 war:29 super:29 tied:29 decreased:29
coordinators:29 sought:29 closer:29 translation:29 attract:29 inoculation:29 Western:29
preferences:29 didn:29 varying:29 heat:29 labels:29 attracting:29 sign:29 fitness:29
declarations:29 president:29 clarify:29 cabinet:29 mentors:29 undergoing:28 compelling:28
immense:28 hackathon:28 eight:28 radically:28 transformational:28 permanent:28 assume:28
analyzed:28 foundations:28 foreign:28 greener:28 stigma:28 millions:28 flatter:28 humble:28
notion:28 viewpoints:28 ingrained:28 correct:28 judgments:28 trustworthy:28 grasp:28 GovTech:28
combination:28 humanities:28 examining:28 took:28 guarantee:28 grassroots:28 vested:28 inside:28
pool:28 background:28 acknowledged:28 streamlining:28 wearing:28 investors:28 remained:28
preventive:28 delivered:28 nurses:28 stick:28 insecurity:28 gamification:28 motivations:28
Organisation:28 updates:28 dimensional:28 subsequent:28 threat:28 cohort:28 localized:28
tolerance:28 Nesta:28 screening:28 freely:28 hierarchy:28 sponsorship:28 suit:28 ensured:28
shelters:28 Switzerland:28 minimum:27 era:27 cyber:27 prescriptive:27 cooperate:27 interpret:27
draw:27 contingency:27 tension:27 inefficiencies:27 card:27 closed:27 list:27 unforeseen:27
email:27 entrenched:27 capitalism:27 stock:27 combines:27 stewards:27 thousands:27 launching:27
hinders:27 forcing:27 amplify:27 akin:27 conventional:27 hopes:27 rich:27 levers:27
orchestration:27 believing:27 methodological:27 sprint:27 honest:27 extent:27 discretion:27
execution:27 coalitions:27 representative:27 promise:27 NSW:27 mentorship:27 played:27
institutionalize:27 mobilizing:27 span:27 travel:27 India:27 precedent:26 requests:26 boards:26
teamwork:26 ambiguity:26 structuring:26 EIT:26 resulted:26 earlier:26 missed:26 lacks:26
Simplex:26 assumption:26 greenhouse:26 flows:26 generational:26 governing:26 instances:26
ignoring:26 substantial:26 imagining:26 separate:26 challenged:26 motivate:26 regulate:26
secondary:26 sole:26 showcasing:26 men:26 selecting:26 prevalence:26 land:26 perfectly:26
upstream:26 equipping:26 Facebook:26 grand:26 optimize:26 decentralized:26 nurturing:26
finally:26 region:26 agreeing:26 consciously:26 here:26 institutionalizing:26 suggestions:26
facet:26 faceted:26 reduces:26 paying:26 maintained:26 incumbent:26 staying:26 reflects:26
formed:26
"""
# The most frequent 1-2 letter words of the same vault.
SHORT_WORDS_TEXT = """
to:27585 of:18252 a:16467 in:13234 is:9491 on:6005 as:4936 it:3672 or:3661 by:3658 be:3583
an:3112 at:1410 up:867 if:720 AI:713 no:483 do:399 EU:222 UK:208
"""

# Accented / non-ASCII words mixed in at a moderate frequency so that accent and case folding
# matter for search ("cafe" should find "café", "muller" should find "Müller").
ACCENTED_WORDS = [
    "été", "café", "Müller", "naïve", "résumé", "rôle", "façade", "coopération", "société",
    "économie", "publique", "français", "être", "déjà", "über", "Zürich", "Malmö", "Québec",
    "Bogotá", "México", "Perú", "São", "Kraków", "Andalucía", "Mondragón", "Tõnurist", "Straße",
    "Señora", "Ørsted", "Århus", "Łódź", "Brasília", "Göteborg", "Dvořák", "Curaçao", "Málaga",
]
ACCENTED_COUNT = 150  # pseudo-count of each, in the units of VOCAB_TEXT (rank ~850 word)

STOP_WORDS = frozenset("""
a an and are as at be been but by can could do does for from had has have how if in into is it its
like more most much must no not of on or our out over rather should so such than that the their them
then there these they this those through to too up very was we were what when where which while who
why will with within without would also across about after all any both each even here just many may
new often only other same some still very well between based including include includes further
however ensure key via per upon among around because before being during every own since until yet
""".split())

CONNECTORS = ["of", "in", "and", "for", "through", "with", "of the", "in the", "for the"]
TALK_TEMPLATES = ["{x}", "{x}", "{x}", "What is {x}?", "{x}: {y}", "OPSI {x}", "{x} webinar",
                  "How to {x}", "Building {x}", "{x} in practice"]
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
# Syllables for the pseudo-words of the realistic vocabulary's tail.
ONSETS = ("b c d f g h j k l m n p r s t v w z br cr dr fr gr pr tr bl cl fl gl pl sl st sp sc sh ch th "
          "qu str").split()
VOWELS = "a e i o u a e i o ai ea ou io ie".split()
CODAS = ["", "", "", "n", "r", "s", "l", "t", "m", "nd", "nt", "rt", "st", "ct", "x"]
SUFFIXES = ["", "", "", "tion", "ing", "ity", "al", "ive", "ment", "ness", "ism", "ist", "ize", "ous",
            "ence", "able", "er", "ic", "ory", "s", "ed"]

# The TubeGraph corpus (24,304 notes in 41 channel folders, 177 MB): notes median 5.6 KB, mean
# 7.2 KB, largest ~275 KB; 9.4 wiki links and 32.5 timestamps per note; ~68,000 distinct words;
# titles a median of 42 characters. Sizes are log-normal with that median and mean.
TUBEGRAPH = {
    "channels": 41, "median_bytes": 5600, "mean_bytes": 7200, "largest_bytes": 275000,
    "links": 9.4, "ts": 32.5, "distinct_words": 68000, "title_chars": 42,
}
# The OECD per-note counts scaled to the TubeGraph means (its notes are smaller and sparser).
REALISTIC_SCALE = {"links": 0.775, "ts": 0.59, "h2": 0.7, "h3": 0.7, "h4": 0.7, "li": 0.6, "nested": 0.6,
                   "callouts": 0.7, "para": 0.6}
BYTES_CALIBRATION = 0.945  # the text written runs ~6% over a note's byte budget
TUBEGRAPH_TAIL_WORDS = 66000  # pseudo-words after the OECD ones, so ~68,000 distinct words in all
MAX_TALK_SECONDS = 5399  # timestamps stay under 1h30


def parse_pairs(text):
    words, counts = [], []
    for tok in text.split():
        w, c = tok.rsplit(":", 1)
        words.append(w)
        counts.append(int(c))
    return words, counts


def quantile_at(qs, u):
    """Piecewise-linear inverse CDF through (QUANTILE_P[i], qs[i])."""
    i = bisect.bisect_right(QUANTILE_P, u) - 1
    if i >= len(QUANTILE_P) - 1:
        return qs[-1]
    if i < 0:
        return qs[0]
    p0, p1 = QUANTILE_P[i], QUANTILE_P[i + 1]
    return qs[i] + (qs[i + 1] - qs[i]) * (u - p0) / (p1 - p0)


def stem_of(title):
    s = "".join(ch for ch in title.lower() if ch.isalnum() or ch == " ")
    return "_".join(s.split())


def fmt_t(sec):
    return "%02d:%02d:%02d" % (sec // 3600, sec % 3600 // 60, sec % 60)


def cap(w):
    return w[:1].upper() + w[1:]


def pseudo_words(rng, count, known):
    """`count` distinct pronounceable non-words ("plentrastic", "voumerity"), none of them in `known`."""
    lowered = {w.lower() for w in known}
    out, seen = [], set()
    while len(out) < count:
        n = rng.choices((1, 2, 3, 4), weights=(10, 45, 35, 10))[0]
        w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS) for _ in range(n))
        w += rng.choice(SUFFIXES)
        if len(w) < 4 or w in seen or w in lowered:
            continue
        seen.add(w)
        out.append(cap(w) if rng.random() < 0.06 else w)  # some proper names
    return out


class Vocabulary:
    def __init__(self, rng, tail=0, pool_size=1 << 20):
        """`tail` pseudo-words continue the OECD ranks with Zipf weights (count ~ 1/rank), as a large
        real corpus has tens of thousands of rare words past its few thousand common ones."""
        words, counts = parse_pairs(VOCAB_TEXT)
        sw, sc = parse_pairs(SHORT_WORDS_TEXT)
        words += sw + ACCENTED_WORDS
        counts += sc + [ACCENTED_COUNT] * len(ACCENTED_WORDS)
        self.tail = pseudo_words(rng, tail, words) if tail else []
        base = len(words)
        floor = min(counts)
        words += self.tail
        counts += [floor * base / (base + r) for r in range(1, tail + 1)]
        self.words = words
        cum, acc = [], 0
        for c in counts:
            acc += c
            cum.append(acc)
        # A long pre-sampled stream of words; sentences are slices at random offsets (fast).
        self.pool = rng.choices(words, cum_weights=cum, k=pool_size)
        self.mean_word_bytes = sum((len(w.encode()) + 1) * c for w, c in zip(words, counts)) / acc
        # Content words for titles/headings/topics: flattened frequency (count ** 0.5).
        content = [(w, c) for w, c in zip(words, counts)
                   if w.lower() not in STOP_WORDS and len(w) >= 3]
        self.content = [w for w, _ in content]
        cum, acc = [], 0.0
        for _, c in content:
            acc += c ** 0.5
            cum.append(acc)
        self.content_cum = cum

    def content_words(self, rng, k, rare=0.0):
        """`k` title-like words; each is one of the rare tail words with probability `rare`."""
        words = rng.choices(self.content, cum_weights=self.content_cum, k=k)
        if rare and self.tail:
            words = [rng.choice(self.tail) if rng.random() < rare else w for w in words]
        return words

    def run(self, rng, n):
        off = rng.randrange(len(self.pool) - n - 1)
        return self.pool[off:off + n]


TITLE_WORDS = {"oecd": (12, 22, 26, 22, 18, 0, 0), "tubegraph": (14, 30, 28, 16, 8, 3, 1)}


def make_title(rng, vocab, nwords=None, weights=TITLE_WORDS["oecd"], rare=0.0):
    n = nwords or rng.choices((2, 3, 4, 5, 6, 7, 8), weights=weights)[0]
    words = vocab.content_words(rng, n, rare)
    # Connectors keep the total at n words ("Role of trust in public services").
    if n >= 4 and rng.random() < 0.6:
        i = rng.randrange(1, n - 2)
        words[i] = rng.choice(("of", "in", "and", "for", "through", "with"))
        if n >= 6 and rng.random() < 0.4 and i + 2 < n - 1:
            words[i + 2] = rng.choice(("in", "and", "for"))
    style = rng.random()
    if style < 0.6:
        words[0] = cap(words[0])
    elif style < 0.85:
        words = [w if w in ("of", "in", "and", "for", "through", "with") else cap(w) for w in words]
    return " ".join(words)


class Note:
    __slots__ = ("idx", "title", "stem", "talk", "topic", "channel")


def plan_notes(rng, vocab, n_notes, notes_per_talk, realistic=False):
    notes, stems = [], {}
    weights = TITLE_WORDS["tubegraph" if realistic else "oecd"]
    while len(notes) < n_notes:
        t = make_title(rng, vocab, weights=weights, rare=0.08 if realistic else 0.0)
        s = stem_of(t)
        if not s or s in stems or s == "channel_index":
            continue
        note = Note()
        note.idx, note.title, note.stem = len(notes), t, s
        stems[s] = note.idx
        notes.append(note)
    # Talks: consecutive groups of 6..14 notes (mean = notes_per_talk).
    talks, i, vids = [], 0, set()
    while i < n_notes:
        size = max(1, min(n_notes - i, rng.randint(notes_per_talk - 4, notes_per_talk + 4)))
        while True:
            vid = "".join(rng.choice(ALPHABET) for _ in range(11))
            if vid not in vids:
                vids.add(vid)
                break
        x = make_title(rng, vocab, rng.randint(2, 5))
        name = rng.choice(TALK_TEMPLATES).format(x=x, y=make_title(rng, vocab, rng.randint(2, 3)))
        members = list(range(i, i + size))
        duration = rng.randint(900, MAX_TALK_SECONDS)
        if realistic:  # the talk's title reads like a video title
            name = make_title(rng, vocab, weights=TITLE_WORDS["tubegraph"], rare=0.05)
        talks.append((name, vid, members, duration))
        for m in members:
            notes[m].talk = len(talks) - 1
        i += size
    return notes, stems, talks


class Generator:
    def __init__(self, rng, vocab, notes, stems, talks, realistic=False):
        self.rng, self.vocab, self.notes, self.stems, self.talks = rng, vocab, notes, stems, talks
        self.realistic = realistic
        self.seen_words = set()
        if realistic:  # log-normal sizes: mean / median = exp(sigma^2 / 2)
            self.sigma = math.sqrt(2 * math.log(TUBEGRAPH["mean_bytes"] / TUBEGRAPH["median_bytes"]))
        self.nd = NormalDist()
        n = len(notes)
        # Link popularity: a few hub notes get many backlinks (Zipf-like over a random order).
        order = list(range(n))
        rng.shuffle(order)
        weights = [0.0] * n
        for rank, idx in enumerate(order):
            weights[idx] = 1.0 / (rank + 20) ** 0.9
        self.cum, acc = [], 0.0
        for w in weights:
            acc += w
            self.cum.append(acc)
        self.qs = OECD_QUANTILES
        self.corr = {k: 2 * math.sin(math.pi * rho / 6) for k, (rho, _) in self.qs.items()}
        self.stats = {k: [] for k in ("bytes", "links", "ts", "h2", "h3", "li", "para")}
        self.dangling = 0
        self.total_links = 0

    # -- sampling ------------------------------------------------------------------------------
    def sample_shape(self):
        rng, nd = self.rng, self.nd
        u = min(max(rng.random(), 1e-9), 1 - 1e-9)
        z = nd.inv_cdf(u)
        if self.realistic:
            shape = {"bytes": BYTES_CALIBRATION * TUBEGRAPH["median_bytes"] * math.exp(self.sigma * z)}
        else:
            shape = {"bytes": quantile_at(self.qs["bytes"][1], u)}
        for k, (_, qs) in self.qs.items():
            if k == "bytes":
                continue
            r = self.corr[k]
            zk = r * z + math.sqrt(max(0.0, 1 - r * r)) * rng.gauss(0.0, 1.0)
            v = quantile_at(qs, nd.cdf(zk)) * (REALISTIC_SCALE.get(k, 1.0) if self.realistic else 1.0)
            shape[k] = int(v) + (1 if rng.random() < v - int(v) else 0)
        return shape

    def link_text(self, note, label_words=None):
        rng = self.rng
        self.total_links += 1
        r = rng.random()
        if r < 0.03:  # dangling target
            self.dangling += 1
            while True:
                title = make_title(rng, self.vocab)
                if stem_of(title) not in self.stems:
                    break
            stem = stem_of(title)
        else:
            if r < 0.45:
                members = self.talks[note.talk][2]
                t = self.notes[rng.choice(members)]
                if t is note and len(members) > 1:
                    t = self.notes[rng.choice(members)]
            else:
                t = self.notes[bisect.bisect_left(self.cum, rng.random() * self.cum[-1])]
            title, stem = t.title, t.stem
        f = rng.random()
        if f < 0.03:  # OECD: ~3% plain [[Title]] links, ~5.5% [[stem|label]], the rest [[stem | label]]
            return "[[%s]]" % title
        r = rng.random()
        tw = title.split()
        if r < 0.12:
            label = title
        elif r < 0.55:
            a = rng.randrange(len(tw))
            b = rng.randint(a + 1, len(tw))
            label = " ".join(tw[a:b]).lower()
        elif r < 0.75:
            label = title.lower()
        else:
            label = " ".join(label_words or self.vocab.run(rng, rng.randint(1, 3)))
        if rng.random() < 0.3:
            label = cap(label)
        sep = "|" if f < 0.085 else " | "
        return "[[%s%s%s]]" % (stem, sep, label)

    def sentence(self, note, nwords, links, stamps, bare):
        rng, vocab = self.rng, self.vocab
        words = vocab.run(rng, nwords)
        if self.realistic:
            self.seen_words.update(words)
        topic = note.topic
        for _ in range(1 + nwords // 10):
            if rng.random() < 0.5:
                words[rng.randrange(nwords)] = rng.choice(topic)
        for _ in range(links):
            words[rng.randrange(nwords)] = self.link_text(note)
        if nwords > 8 and rng.random() < 0.35:
            k = rng.randrange(3, nwords - 2)
            words[k] = words[k] + ","
        words[0] = cap(words[0])
        s = " ".join(words)
        if stamps:
            if bare:
                s += " " + " ".join("[%s]" % fmt_t(t) for t in stamps)
            else:
                s += " " + " ".join('<a class="yt-timestamp" data-t="%s">[%s]</a>' % (fmt_t(t), fmt_t(t))
                                    for t in stamps)
        return s + "."

    def heading(self, note, level, with_link):
        rng = self.rng
        words = self.vocab.content_words(rng, rng.randint(2, 5))
        if rng.random() < 0.3:
            words.insert(0, rng.choice(topic_cap(note)))
        text = " ".join(cap(w) if rng.random() < 0.7 else w for w in words)
        if rng.random() < 0.15:
            text = rng.choice(("Example", "Case Study", "Key Insight", "Challenges", "Overview")) + ": " + text
        if with_link:
            text += " " + self.link_text(note)
        return "#" * level + " " + text

    # -- one note ------------------------------------------------------------------------------
    def note_text(self, note, largest=False):
        rng, vocab = self.rng, self.vocab
        name, vid, members, duration = self.talks[note.talk]
        note.topic = [w for w in note.title.split() if w.lower() not in STOP_WORDS] or [note.title]
        note.topic += vocab.content_words(rng, rng.randint(4, 10))
        shape = self.sample_shape()
        if largest:  # the corpus' one outlier (a whole course in one note)
            shape["bytes"] = 0.97 * TUBEGRAPH["largest_bytes"]
        B = shape["bytes"]
        index = getattr(note, "channel", None) or "channel_index"
        header = "---\ntitle: %s\nvideoId: %s\n---\n\nFrom: [[%s]] <br/> \n" % (note.title, vid, index)
        room = max(0.0, B - len(header.encode()) - 40)
        # Keep the markup within what the byte budget can carry.
        ts = min(shape["ts"], int(room * 0.5 / 58))
        links = max(0, min(shape["links"] - 1, int(room * 0.2 / 45)))  # "From:" link counted
        h2 = min(shape["h2"], int(room / 700))
        h3 = min(shape["h3"], int(room / 800))
        h4 = min(shape["h4"], h3, int(room / 3000))
        li = min(shape["li"], int(room / 140))
        nested = min(shape["nested"], li // 2)
        callouts = min(shape["callouts"], int(room / 1500))
        para = min(shape["para"], int(room / 180))
        if room > 120 and para + li == 0:
            para = 1
        top_li = li - nested
        # Sections: intro + headings in document order.
        sections = [[0, None]]  # [level, heading]
        h3_left, h4_left = h3, h4
        for i in range(h2):
            sections.append([2, None])
            k = h3_left if i == h2 - 1 else rng.randint(0, min(h3_left, 2 * (h3 // max(h2, 1)) + 1))
            h3_left -= k
            for _ in range(k):
                sections.append([3, None])
                if h4_left and rng.random() < 0.5:
                    sections.append([4, None])
                    h4_left -= 1
        for _ in range(h3_left):
            sections.append([3, None])
        nsec = len(sections)
        # Distribute paragraphs, list items and callouts over sections.
        sec_para = [0] * nsec
        sec_li = [0] * nsec
        sec_co = [0] * nsec
        if para:
            sec_para[0] = 1
            for _ in range(para - 1):
                sec_para[rng.randrange(nsec)] += 1
        left = top_li
        while left > 0:
            size = min(left, rng.randint(2, 7))
            sec_li[rng.randrange(nsec)] += size
            left -= size
        for _ in range(callouts):
            sec_co[rng.randrange(nsec)] += 1
        # Sentence slots: (kind, section, extra) in document order.
        slots = []  # each: [kind, nwords_weight]
        layout = []  # per section: list of blocks, each block = (kind, [slot indices]) / heading
        nested_left = nested
        for si, (level, _) in enumerate(sections):
            blocks = []
            if level:
                blocks.append(("h", level))
            paras = sec_para[si]
            items = sec_li[si]
            before = paras if not items else min(paras, 1)
            for _ in range(before):
                k = rng.choice((1, 2, 2, 3, 3, 4, 5))
                blocks.append(("p", list(range(len(slots), len(slots) + k))))
                slots.extend([1.0] * k)
            if items:
                lst = []
                for _ in range(items):
                    k = 2 if rng.random() < 0.25 else 1
                    lst.append(("i", list(range(len(slots), len(slots) + k))))
                    slots.extend([0.8] * k)
                    if nested_left and rng.random() < nested / max(top_li, 1) * 1.5:
                        m = min(nested_left, rng.randint(1, 3))
                        nested_left -= m
                        for _ in range(m):
                            lst.append(("n", [len(slots)]))
                            slots.append(0.6)
                blocks.append(("l", lst))
            for _ in range(paras - before):
                k = rng.choice((1, 2, 2, 3, 3, 4))
                blocks.append(("p", list(range(len(slots), len(slots) + k))))
                slots.extend([1.0] * k)
            for _ in range(sec_co[si]):
                k = rng.randint(1, 3)
                blocks.append(("c", list(range(len(slots), len(slots) + k))))
                slots.extend([1.0] * k)
            layout.append(blocks)
        nslots = len(slots)
        # Timestamps: sorted times within the talk, assigned to slots in document order.
        bare = rng.random() < OECD_NOTES_WITH_BARE_TIMESTAMPS
        slot_ts = [0] * nslots
        if nslots and ts:
            if ts >= nslots:
                slot_ts = [1] * nslots
                for _ in range(ts - nslots):
                    slot_ts[rng.randrange(nslots)] += 1
            else:
                for j in rng.sample(range(nslots), ts):
                    slot_ts[j] = 1
        times = sorted(rng.randrange(duration) for _ in range(sum(slot_ts)))
        # Links: some in headings, the rest in sentences.
        heading_links = set()
        n_head = sum(1 for s in sections if s[0])
        slot_links = [0] * nslots
        for _ in range(links):
            if n_head and rng.random() < 0.08:
                heading_links.add(rng.randrange(n_head))
            elif nslots:
                slot_links[rng.randrange(nslots)] += 1
        # Word budget from the remaining bytes.
        fixed = ts * (12 if bare else 57) + links * 58 + n_head * 42 + top_li * 22 + nested * 8 + callouts * 30 + len(layout) * 2
        text_bytes = max(nslots * 12, room - fixed)
        wsum = sum(slots) or 1.0
        per_weight = text_bytes / vocab.mean_word_bytes / wsum
        out = [header, "\n"]
        ti = 0
        hi = 0

        def sent(j):
            nonlocal ti
            n = max(3, int(slots[j] * per_weight * rng.uniform(0.6, 1.4) + 0.5))
            n = max(n, slot_links[j] + 1)
            st = times[ti:ti + slot_ts[j]]
            ti += slot_ts[j]
            return self.sentence(note, n, slot_links[j], st, bare)

        for blocks in layout:
            for b in blocks:
                kind = b[0]
                if kind == "h":
                    out.append(self.heading(note, b[1], hi in heading_links) + "\n\n")
                    hi += 1
                elif kind == "p":
                    out.append(" ".join(sent(j) for j in b[1]) + "\n\n")
                elif kind == "c":
                    lines = ["> [!info] " + " ".join(cap(w) for w in self.vocab.content_words(rng, rng.randint(2, 4)))]
                    for j in b[1]:
                        lines.append(("> *   " if rng.random() < 0.4 else "> ") + sent(j))
                    out.append("\n".join(lines) + "\n\n")
                else:
                    lines = []
                    for k, idxs in b[1]:
                        text = " ".join(sent(j) for j in idxs)
                        if k == "i" and rng.random() < OECD_BOLD_LEAD_FRACTION:
                            lead = " ".join(cap(w) for w in vocab.content_words(rng, rng.randint(1, 4)))
                            text = "**%s:** %s" % (lead, text)
                        lines.append(("    *   " if k == "n" else "*   ") + text)
                    out.append("\n".join(lines) + "\n\n")
        if not nslots:  # tiny note, like OECD's smallest ones
            out.append("# %s\n" % note.title)
        text = "".join(out).rstrip("\n") + "\n"
        st = self.stats
        st["bytes"].append(len(text.encode()))
        st["links"].append(links + 1)
        st["ts"].append(ts)
        st["h2"].append(h2)
        st["h3"].append(h3)
        st["li"].append(li)
        st["para"].append(para)
        return text


def topic_cap(note):
    return [cap(w) for w in note.topic[:4]]


def index_page(notes, talks, name="channel_index"):
    out = ["---\ntitle: %s\n---\n" % name]
    for name, vid, members, _ in talks:
        out.append("### [%s](https://www.youtube.com/watch?v=%s)\n" % (name, vid))
        for m in members:
            out.append("- [[%s | %s]]\n" % (notes[m].stem, notes[m].title))
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


def quantiles(v, ps=(0.1, 0.25, 0.5, 0.75, 0.9, 0.99)):
    v = sorted(v)
    return [v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))] for p in ps]


def channel_names(rng, vocab, count):
    """Folder names like the corpus' channel folders: a squashed channel name and four digits."""
    names, seen = [], set()
    while len(names) < count:
        words = vocab.content_words(rng, rng.randint(2, 4), rare=0.2)
        slug = "".join(w.lower() for w in words if w.isalpha())[:26] + "%04d" % rng.randrange(10000)
        if slug not in seen:
            seen.add(slug)
            names.append(slug)
    return names


def assign_channels(rng, vocab, notes, talks, count):
    """Talks (with their notes) go to `count` channels of Zipf-like sizes; returns the names."""
    names = channel_names(rng, vocab, count)
    weights = [1.0 / (k + 3) for k in range(count)]
    members = [[] for _ in names]
    for t, talk in enumerate(talks):
        # Every channel gets a talk first, so none is empty.
        c = t if t < count else rng.choices(range(count), weights=weights)[0]
        members[c].append(t)
        for m in talk[2]:
            notes[m].channel = names[c]
    return names, members


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        return f.write(text)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--notes", type=int, default=24304)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--notes-per-talk", type=int, default=10)
    ap.add_argument("--shape", choices=("tubegraph", "oecd"), default="tubegraph",
                    help="tubegraph (default): the large real corpus, 41 channel folders, ~68,000 words; "
                         "oecd: the earlier flat vault shaped like the 878 OECD notes")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.notes < 1:
        ap.error("--notes must be >= 1")
    realistic = args.shape == "tubegraph"
    t0 = time.perf_counter()
    rng = random.Random(args.seed)
    if realistic:
        vocab = Vocabulary(rng, tail=TUBEGRAPH_TAIL_WORDS, pool_size=1 << 22)
    else:
        vocab = Vocabulary(rng)
    notes, stems, talks = plan_notes(rng, vocab, args.notes, max(5, args.notes_per_talk), realistic)
    channels, channel_talks = [], []
    if realistic:
        channels, channel_talks = assign_channels(rng, vocab, notes, talks, min(TUBEGRAPH["channels"], len(talks)))
        for name in channels:
            os.makedirs(os.path.join(args.out_dir, name), exist_ok=True)
    gen = Generator(rng, vocab, notes, stems, talks, realistic)
    os.makedirs(args.out_dir, exist_ok=True)
    largest = rng.randrange(len(notes)) if realistic and len(notes) >= 1000 else -1
    for note in notes:
        text = gen.note_text(note, largest=note.idx == largest)
        folder = os.path.join(args.out_dir, note.channel) if realistic else args.out_dir
        write(os.path.join(folder, note.stem + ".md"), text)
    if realistic:
        for name, members in zip(channels, channel_talks):
            write(os.path.join(args.out_dir, name, name + ".md"), index_page(notes, [talks[t] for t in members], name))
    else:
        write(os.path.join(args.out_dir, "channel_index.md"), index_page(notes, talks))
    dt = time.perf_counter() - t0
    if not args.quiet:
        b = gen.stats["bytes"]
        where = "%d channel folders" % len(channels) if realistic else "channel_index.md"
        print("wrote %d notes + %s (%d talks) to %s: %.1f MB in %.1fs; dangling links %.1f%%"
              % (len(notes), where, len(talks), args.out_dir, sum(b) / 1e6, dt,
                 100.0 * gen.dangling / max(1, gen.total_links)), file=sys.stderr)
        ps = (0.1, 0.25, 0.5, 0.75, 0.9, 0.99)
        if realistic:
            n = len(notes)
            titles = sorted(len(note.title) for note in notes)
            print("bytes median %d mean %d largest %d; links %.1f and timestamps %.1f per note; "
                  "%d distinct words; title median %d chars  (TubeGraph: 5.6 KB, 7.2 KB, 275 KB; 9.4, 32.5; "
                  "68,000; 42)"
                  % (quantiles(b, (0.5,))[0], sum(b) / n, max(b), sum(gen.stats["links"]) / n,
                     sum(gen.stats["ts"]) / n, len({w.lower() for w in gen.seen_words}), titles[n // 2]),
                  file=sys.stderr)
            return 0
        print("%-6s %-44s %s" % ("stat", "synthetic p10/25/50/75/90/99", "OECD"), file=sys.stderr)
        for k, v in gen.stats.items():
            ref = [round(quantile_at(OECD_QUANTILES[k][1], p)) for p in ps]
            print("%-6s %-44s %s" % (k, quantiles(v, ps), ref), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
