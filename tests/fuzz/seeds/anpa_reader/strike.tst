a0042world
r f BC-EU--Ferry-Strike 2ndLd-Writethru   03-14 0321
^BC-EU--Ferry Strike, 2nd Ld-Writethru,321<
^Ferry crews strike as talks fail<
^Eds: Updates with union statement.<
^By JONAS PIHL and KAI NORD=
^Associated Press=
	   COPENHAGEN, Denmark (AP) _ Ferry crews walked out on Thursday, the union said, and
services stopped at noon.
	   ``We had no choice,'' the union's leader said.
^Crossings cancelled=
RouteDailyCut
Helsingor6440{
	   ___
AP-WF-03-14-24 1142GMT<
