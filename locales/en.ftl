# kinscreen's own texts in English: the fallback for every other language.
#
# Fluent syntax (https://projectfluent.org/). Each message id is used by the program; every
# other catalogue (locales/LANG.ftl) has exactly these ids with the same { $arguments }
# (the test `every_catalogue_has_every_message_with_the_same_arguments` checks). A trailing
# space is written {" "}. The questionnaire's own texts are not here: they live beside the
# questionnaire (questionnaires/lower-limb.LANG.toml).

## Screen titles and the header

title-welcome = Welcome
title-important = Important
title-review = Review your answers
title-result = Your result
title-help = Help
title-quit = Quit?
title-start-over = Start over?
header-question = Question { $position } of about { $total }
header-answered = { $count } answered
more-above = more above
more-below = more below
too-small = Please make the window larger: kinscreen needs at least { $need } (now { $now }). { $key } quits.

## Welcome

welcome-offer = You have an unfinished interview from { $when } ({ $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    }).
welcome-offer-changed = The questionnaire has changed since then, so every saved answer was checked again.
welcome-offer-dropped = These saved answers no longer fit and were left out: { $answers }.
welcome-offer-keys = Press { $resume } to resume it, or { $start } to start over (you are asked before the saved answers are deleted).
welcome-saving = Your answers are saved on this computer as you go, so you can stop and come back (folder: { $folder }). `kinscreen history` lists finished interviews.
welcome-not-saving = Nothing is saved on this computer (--no-save): quitting forgets every answer.
welcome-begin = Press { $key } to begin.
offer-changed = The questionnaire has changed since then: answers that no longer fit are left out.

## A question

question-optional = (optional: press { $key } to skip)
why-prefix = Why we ask:{" "}
tip-prefix = Tip:{" "}
why-we-ask = Why we ask: { $why }
scale-your-answer = Your answer:{" "}
scale-change = (←/→ to change, or type the number)
scale-none-yet = (none yet: ←/→ to choose, or type the number)
chart-here = Here:{" "}
chart-sides = Left and right are your own: in the front view your right is on the left.
review-intro = Check your answers. { $change } changes the highlighted one; { $result } shows the result.

## Red flags

alert-earlier = Your earlier advice still stands: { $level }. { $time_frame }
alert-also = Also found: { $signs }.
alert-additional = This is an additional warning sign:
alert-next-may-finish = This advice stays at the top of every screen from now on. You may go on with the questions, see the result now, or go back if you chose this by mistake.
alert-next-go-on = This advice stays at the top of every screen from now on. Please go on with the questions: some later answers can make this more urgent. Go back if you chose this by mistake.
banner-sign = Warning sign:

## Status line and refusals

status-not-saved = NOT SAVED: { $error }
status-tick-one = Tick at least one option ({ $tick } or its number), then press { $confirm }.
status-choose-number = Choose a number first ({ $left }/{ $right } or type it), then press { $confirm }.
status-no-report = Saving is off (--no-save): no report was written.
status-could-not-save = Could not save: { $error }
status-report-saved = Report saved to { $path }
status-report-updated = { $path } (updated for the changed answers)
status-paste-ignored = Pasted text is ignored: answer with the keys shown below.
refused-exclusive = “{ $label }” cannot be chosen together with other answers.
refused-required = This question needs an answer.
refused-nothing-chosen = Choose at least one answer.
refused-not-now = That cannot be done at this point.
refused-other = That answer was not taken: { $reason }.

## Help and questions over the screen

help-keys = Keys on this screen
help-note-saving = You can always go back and change an answer; the result follows. Answers are saved as you go.
help-note-not-saving = You can always go back and change an answer; the result follows. Nothing is saved (--no-save).
quit-result-not-stored = Leave kinscreen? This result could NOT be stored; it will be printed in the terminal when you leave, so you can keep it.
quit-not-saved = Stop now? Your latest answers could NOT be saved (see the message below the screen): if you quit, they are lost.
quit-leave = Leave kinscreen?
quit-saved = Stop for now? Your answers are saved; you can resume next time.
quit-not-kept = Stop the interview? Your answers will not be kept.
quit-yes = yes, quit
quit-no = no, stay
start-over-text = Starting over deletes the unfinished interview saved { $when }. ({ $key } on the welcome screen resumes it instead.)
start-over-yes = delete it, start over
start-over-no = no, keep it

## The result (screens, text and Markdown reports)

result-how-soon = How soon: { $level }
result-warning-signs = Warning signs you reported
result-also-found = Also found
result-also-behind = Also behind the advice on how soon: { $signs }.
result-set-aside = Why the usual question is set aside
result-set-aside-default = Something in your answers needs to be checked first; until then the question of where the pain comes from is set aside.
result-picture = What the picture looks like
result-evidence = Which answers pointed which way
result-next-steps = What to do next
result-safety-net = Get help at once if
result-for-learning = For learning: where the answers would point
result-for-learning-note = These points are not the result: they show how the answers would weigh once the finding above has been checked.
result-stopped-early = The interview stopped after a warning sign, so questions left unanswered were not counted.
evidence-none = (none)
evidence-for = Evidence for: { $class }
evidence-against = Evidence against: { $class }
evidence-toward = Pointing toward: { $class }
evidence-because = because: { $answers }
points-capped = { $points } (counted in the cap; { $full } before it)
strength-points = Points: { $points }.
strength-leading = Strength of the leading side: { $strength }.
strength-share = { $share }% of the points lean one way.
table-points = Points
table-answer = Answer
table-why = Why it counts
report-title = { $title } (version { $version })
report-markdown-title = kinscreen report: { $title }
report-answers = Answers
report-source = Questionnaire: { $title } (`{ $id }`, version { $version }, fingerprint `{ $fingerprint }`).
report-interview = Interview `{ $id }`, finished { $finished }.

## Line mode (--plain): each line is read aloud on its own

line-intro = Answer each question by typing the number of your answer and pressing Enter. Type ? for help, b to go back, q to stop.
line-keys = Type the number of your answer and press Enter. For a question that allows several answers, type their numbers separated by spaces, for example: 1 3. Type b to go back to the previous question, q to stop (your answers so far are kept), or ? for this help.
line-your-answer = Your answer:{" "}
line-about-question = About this question: { $help }
line-first-question = This is the first question: there is nothing to go back to.
line-skipped = Skipped.
line-recorded = Recorded: { $answer }.
line-alert-repeated = This advice is repeated before the result. The questions go on: some later answers can make this more urgent.
line-repeated-from-earlier = Repeated from earlier:
line-offer = You have an unfinished interview from { $when }, with { $answers ->
        [one] 1 answer
       *[other] { $answers } answers
    }.
line-offer-ask = Type r to go on with it, or n to start a new one (the unfinished one is then deleted):{" "}
line-question-place = { $section }. Question { $position } of about { $total }.
line-option-chosen = { $number }. { $label } (your answer)
line-how-single = Type one number from 1 to { $count }.
line-how-multi = Type the numbers of all that apply, from 1 to { $count }, separated by spaces.
line-how-scale = Type a number from { $min } to { $max }.
line-how-scale-labelled = Type a number from { $min } to { $max } ({ $min } means { $low }, { $max } means { $high }).
line-your-answer-was = Your answer was { $value }.
line-how-skip = You may press Enter alone to skip this question.
line-not-a-number = “{ $text }” is not a number.
line-no-option = There is no option { $number }.
line-only-one = Only one answer here.
line-not-on-scale = That is not on the scale.
line-additional-sign = This is an additional warning sign.
line-alert-level = Important: { $level }. { $time_frame }
line-sign = Warning sign: { $sign }.
line-sign-advice = Warning sign: { $sign }. { $advice }

## Key hints: what a key does (the key's name itself is not translated)

key-back = back
key-body-chart = body chart
key-change = change
key-change-this-answer = change this answer
key-choose = choose
key-close-help = close help
key-confirm = confirm
key-continue-the-questions = continue the questions
key-first-last = first / last
key-go-on = go on
key-help = help
key-list-instead = list instead
key-mark = mark
key-move = move
key-move-on-the-chart = move on the chart
key-no = no
key-none-of-these = none of these
key-pick-by-number = pick by number
key-quit = quit
key-quit-at-once = quit at once
key-resume = resume
key-save-the-report = save the report
key-scroll = scroll
key-scroll-a-page = scroll a page
key-see-the-result = see the result
key-see-the-result-now = see the result now
key-skip-optional = skip (optional)
key-start = start
key-start-over = start over
key-tick-untick = tick/untick
key-to-the-top-the-end = to the top / the end
key-type-a-value = type a value
key-yes = yes

## Key names that are words (the others are written as on the keyboard)

keyname-arrows = arrows

## kinscreen show ID

show-header = Interview { $id } finished { $finished }
