# Los textos propios de kinscreen en español.
#
# NEEDS REVIEW: written for lay readers by the kinscreen team; not yet checked by a clinician
# who is a native speaker of Spanish.
#
# Same ids and { $arguments } as locales/en.ftl. The letters typed in line mode (b, q, r, n, ?)
# and the key names (Enter, Space) stay as on the keyboard.

## Screen titles and the header

title-welcome = Bienvenida
title-important = Importante
title-review = Revise sus respuestas
title-result = Su resultado
title-help = Ayuda
title-quit = ¿Salir?
title-start-over = ¿Empezar de nuevo?
header-question = Pregunta { $position } de unas { $total }
header-answered = { $count ->
        [one] 1 respondida
       *[other] { $count } respondidas
    }
more-above = hay más arriba
more-below = hay más abajo
too-small = Agrande la ventana, por favor: kinscreen necesita al menos { $need } (ahora { $now }). { $key } sale.

## Welcome

welcome-offer = Tiene una entrevista sin terminar del { $when } ({ $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    }).
welcome-offer-changed = El cuestionario ha cambiado desde entonces, así que se ha vuelto a comprobar cada respuesta guardada.
welcome-offer-dropped = Estas respuestas guardadas ya no encajan y se han dejado fuera: { $answers }.
welcome-offer-keys = Pulse { $resume } para continuarla, o { $start } para empezar de nuevo (se le preguntará antes de borrar las respuestas guardadas).
welcome-saving = Sus respuestas se guardan en este ordenador a medida que avanza, así que puede parar y volver más tarde (carpeta: { $folder }). `kinscreen history` muestra las entrevistas terminadas.
welcome-not-saving = No se guarda nada en este ordenador (--no-save): al salir se olvidan todas las respuestas.
welcome-begin = Pulse { $key } para empezar.
offer-changed = El cuestionario ha cambiado desde entonces: se dejan fuera las respuestas que ya no encajan.

## A question

question-optional = (opcional: pulse { $key } para saltarla)
why-prefix = Por qué lo preguntamos:{" "}
tip-prefix = Consejo:{" "}
why-we-ask = Por qué lo preguntamos: { $why }
scale-your-answer = Su respuesta:{" "}
scale-change = (←/→ para cambiarla, o escriba el número)
scale-none-yet = (todavía ninguna: ←/→ para elegir, o escriba el número)
chart-here = Aquí:{" "}
chart-sides = Izquierda y derecha son las suyas: en la vista de frente, su derecha queda a la izquierda.
review-intro = Compruebe sus respuestas. { $change } cambia la resaltada; { $result } muestra el resultado.

## Red flags

alert-earlier = Su consejo anterior sigue en pie: { $level }. { $time_frame }
alert-also = También se ha encontrado: { $signs }.
alert-additional = Esta es una señal de alarma más:
alert-next-may-finish = Este consejo se queda arriba en todas las pantallas a partir de ahora. Puede seguir con las preguntas, ver ya el resultado, o volver atrás si lo eligió por error.
alert-next-go-on = Este consejo se queda arriba en todas las pantallas a partir de ahora. Siga con las preguntas, por favor: algunas respuestas posteriores pueden hacerlo más urgente. Vuelva atrás si lo eligió por error.
banner-sign = Señal de alarma:

## Status line and refusals

status-not-saved = NO GUARDADO: { $error }
status-tick-one = Marque al menos una opción ({ $tick } o su número) y luego pulse { $confirm }.
status-choose-number = Elija antes un número ({ $left }/{ $right } o escríbalo) y luego pulse { $confirm }.
status-no-report = El guardado está desactivado (--no-save): no se ha escrito ningún informe.
status-could-not-save = No se ha podido guardar: { $error }
status-report-saved = Informe guardado en { $path }
status-report-updated = { $path } (actualizado con las respuestas cambiadas)
status-paste-ignored = El texto pegado no se tiene en cuenta: responda con las teclas que se muestran abajo.
refused-exclusive = «{ $label }» no se puede elegir junto con otras respuestas.
refused-required = Esta pregunta necesita una respuesta.
refused-nothing-chosen = Elija al menos una respuesta.
refused-not-now = Eso no se puede hacer en este momento.
refused-other = No se ha aceptado esa respuesta: { $reason }.

## Help and questions over the screen

help-keys = Teclas en esta pantalla
help-note-saving = Siempre puede volver atrás y cambiar una respuesta; el resultado se actualiza. Las respuestas se guardan a medida que avanza.
help-note-not-saving = Siempre puede volver atrás y cambiar una respuesta; el resultado se actualiza. No se guarda nada (--no-save).
quit-result-not-stored = ¿Salir de kinscreen? Este resultado NO se ha podido guardar; se mostrará en el terminal al salir, para que pueda conservarlo.
quit-not-saved = ¿Parar ahora? Sus últimas respuestas NO se han podido guardar (vea el mensaje bajo la pantalla): si sale, se pierden.
quit-leave = ¿Salir de kinscreen?
quit-saved = ¿Parar por ahora? Sus respuestas están guardadas; puede continuar la próxima vez.
quit-not-kept = ¿Parar la entrevista? Sus respuestas no se conservarán.
quit-yes = sí, salir
quit-no = no, seguir
start-over-text = Empezar de nuevo borra la entrevista sin terminar guardada el { $when }. ({ $key } en la pantalla de bienvenida la continúa.)
start-over-yes = borrarla y empezar de nuevo
start-over-no = no, conservarla

## The result (screens, text and Markdown reports)

result-how-soon = Con qué urgencia: { $level }
result-warning-signs = Señales de alarma que ha indicado
result-also-found = También se ha encontrado
result-also-behind = También influye en el consejo sobre la urgencia: { $signs }.
result-set-aside = Por qué se aparca la pregunta habitual
result-set-aside-default = Hay algo en sus respuestas que debe revisarse primero; hasta entonces queda aparcada la pregunta de dónde viene el dolor.
result-picture = A qué se parece el cuadro
result-evidence = Qué respuestas apuntaron hacia dónde
result-next-steps = Qué hacer ahora
result-safety-net = Busque ayuda enseguida si
result-for-learning = Para aprender: hacia dónde apuntarían las respuestas
result-for-learning-note = Estos puntos no son el resultado: muestran cuánto pesarían las respuestas una vez revisado el hallazgo de arriba.
result-stopped-early = La entrevista se detuvo tras una señal de alarma, así que las preguntas sin responder no se han contado.
evidence-none = (ninguna)
evidence-for = A favor de: { $class }
evidence-against = En contra de: { $class }
evidence-toward = Apunta hacia: { $class }
evidence-because = porque: { $answers }
points-capped = { $points } (contado dentro del tope; { $full } antes de aplicarlo)
strength-points = Puntos: { $points }.
strength-leading = Fuerza del lado que va delante: { $strength }.
strength-share = El { $share } % de los puntos se inclina hacia un lado.
table-points = Puntos
table-answer = Respuesta
table-why = Por qué cuenta
report-title = { $title } (versión { $version })
report-markdown-title = Informe de kinscreen: { $title }
report-answers = Respuestas
report-source = Cuestionario: { $title } (`{ $id }`, versión { $version }, huella `{ $fingerprint }`).
report-interview = Entrevista `{ $id }`, terminada el { $finished }.

## Line mode (--plain): each line is read aloud on its own

line-intro = Responda a cada pregunta escribiendo el número de su respuesta y pulsando Enter. Escriba ? para la ayuda, b para volver atrás, q para parar.
line-keys = Escriba el número de su respuesta y pulse Enter. En una pregunta que admite varias respuestas, escriba sus números separados por espacios, por ejemplo: 1 3. Escriba b para volver a la pregunta anterior, q para parar (se conservan las respuestas dadas), o ? para esta ayuda.
line-your-answer = Su respuesta:{" "}
line-about-question = Sobre esta pregunta: { $help }
line-first-question = Esta es la primera pregunta: no hay nada a lo que volver.
line-skipped = Saltada.
line-recorded = Anotado: { $answer }.
line-alert-repeated = Este consejo se repetirá antes del resultado. Las preguntas continúan: algunas respuestas posteriores pueden hacerlo más urgente.
line-repeated-from-earlier = Se repite lo dicho antes:
line-offer = Tiene una entrevista sin terminar del { $when }, con { $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    }.
line-offer-ask = Escriba r para continuarla, o n para empezar una nueva (la que está sin terminar se borra):{" "}
line-question-place = { $section }. Pregunta { $position } de unas { $total }.
line-option-chosen = { $number }. { $label } (su respuesta)
line-how-single = Escriba un número del 1 al { $count }.
line-how-multi = Escriba los números de todas las que correspondan, del 1 al { $count }, separados por espacios.
line-how-scale = Escriba un número del { $min } al { $max }.
line-how-scale-labelled = Escriba un número del { $min } al { $max } ({ $min } es { $low }, { $max } es { $high }).
line-your-answer-was = Su respuesta fue { $value }.
line-how-skip = Puede pulsar solo Enter para saltar esta pregunta.
line-not-a-number = «{ $text }» no es un número.
line-no-option = No hay ninguna opción { $number }.
line-only-one = Aquí solo cabe una respuesta.
line-not-on-scale = Eso no está en la escala.
line-additional-sign = Esta es una señal de alarma más.
line-alert-level = Importante: { $level }. { $time_frame }
line-sign = Señal de alarma: { $sign }.
line-sign-advice = Señal de alarma: { $sign }. { $advice }

## Key hints: what a key does (the key's name itself is not translated)

key-back = atrás
key-body-chart = mapa corporal
key-change = cambiar
key-change-this-answer = cambiar esta respuesta
key-choose = elegir
key-close-help = cerrar la ayuda
key-confirm = confirmar
key-continue-the-questions = seguir con las preguntas
key-first-last = primera / última
key-go-on = seguir
key-help = ayuda
key-list-instead = ver la lista
key-mark = marcar
key-move = moverse
key-move-on-the-chart = moverse por el mapa
key-no = no
key-none-of-these = ninguna de estas
key-pick-by-number = elegir por número
key-quit = salir
key-quit-at-once = salir ya
key-resume = continuar
key-save-the-report = guardar el informe
key-scroll = desplazar
key-scroll-a-page = pasar página
key-see-the-result = ver el resultado
key-see-the-result-now = ver ya el resultado
key-skip-optional = saltar (opcional)
key-start = empezar
key-start-over = empezar de nuevo
key-tick-untick = marcar/desmarcar
key-to-the-top-the-end = al principio / al final
key-type-a-value = escribir un valor
key-yes = sí

## Key names that are words (the others are written as on the keyboard)

keyname-arrows = flechas

## kinscreen show ID

show-header = Entrevista { $id } terminada el { $finished }
