"""What the product offers for each remedy a readiness item points at."""

from __future__ import annotations

from produktlyft.surveys.instruments import Remedy, Text

ADVICE: dict[Remedy, Text] = {
    Remedy.RUN_REVIEW: Text(
        en="Run a review (genomlysning) of the IT landscape: import the inventory and read the "
        "leadership report, so the case for change rests on your own facts.",
        sv="Gör en genomlysning av IT-landskapet: importera förteckningen och läs "
        "ledningsrapporten, så att skälen för förändring vilar på era egna fakta.",
    ),
    Remedy.START_PILOT: Text(
        en="Start a pilot in one team, with a comparison team and the measure decided "
        "beforehand, and evaluate it before asking everyone to change.",
        sv="Starta en pilot i ett team, med ett jämförelseteam och ett mått som bestämts i "
        "förväg, och utvärdera den innan alla ombeds förändras.",
    ),
    Remedy.CHECK_CONTRACT_SLICES: Text(
        en="Check the contracts: end dates, notice periods, exit clauses, data return and who "
        "owns the code, and cut the next procurement into smaller slices.",
        sv="Granska avtalen: slutdatum, uppsägningstider, exitklausuler, återlämning av data "
        "och vem som äger koden, och dela nästa upphandling i mindre delar.",
    ),
    Remedy.PUBLISH_WIN: Text(
        en="Publish a win: a weeknote or show-and-tell with the numbers behind it, open to "
        "the whole organisation.",
        sv="Publicera en framgång: en veckonotis eller visning med siffrorna bakom, öppen för "
        "hela organisationen.",
    ),
    Remedy.MEASURE_AGAIN: Text(
        en="Measure again: run a new survey round and compare with this one, per team with its "
        "own history.",
        sv="Mät igen: gör en ny enkätomgång och jämför med den här, per team med dess egen "
        "historik.",
    ),
    Remedy.MAP_DECISION_RIGHTS: Text(
        en="Map decision rights: record which decisions each team may take itself, and follow "
        "recommendations in the decision register until they are decided.",
        sv="Kartlägg teamens mandat: ange vilka beslut varje team får fatta själv, och följ "
        "rekommendationerna i beslutsregistret tills de är beslutade.",
    ),
}
