/* 'Een voorstel doen': turns the form of partials/voorstel.html into the text of a record and the address of the
 * repository host's editor. Nothing is sent anywhere: the visitor follows the link to the host themselves.
 *
 * The new decision is written as 'agenda nieuw besluit' writes it (werkstroom/opdrachten.py: nieuw_besluit, and
 * werkstroom/bewerken.py: yaml_waarde for every value); tests/test_voorstel.py checks the result with the record
 * check. Every value comes from the form's own controls and data-* attributes; text is only ever set with
 * textContent, never as HTML.
 */
(function () {
  "use strict";

  var SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var DATUM = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})(?:-(\d{2}))?|H([12])))?$/;
  var ONPRINTBAAR = /[\p{C}\p{Z}]/gu;
  var HTML = /<\/?[A-Za-z][^>]*>|<!--/; // the record check refuses HTML in a record's text
  var MAX_ADRES = 8000; // longer addresses are refused by the host ('414 URI Too Long')

  function hex4(n) {
    return "\\u" + ("0000" + n.toString(16)).slice(-4);
  }

  /* A scalar as YAML text, as yaml_waarde writes it: ids and dates plain, other text double-quoted (JSON), every
   * character that is not printable written as an escape. */
  function yamlWaarde(waarde) {
    if (typeof waarde === "number") return String(waarde);
    var tekst = String(waarde);
    if (SLUG.test(tekst) || DATUM.test(tekst) || tekst === "onbekend") return tekst;
    return JSON.stringify(tekst).replace(ONPRINTBAAR, function (teken) {
      if (teken === " ") return teken;
      var code = teken.codePointAt(0);
      if (code > 0xffff) {
        code -= 0x10000;
        return hex4(0xd800 + (code >> 10)) + hex4(0xdc00 + (code & 0x3ff));
      }
      return hex4(code);
    });
  }

  /* An ASCII id from a title, as slug() in werkstroom/opdrachten.py makes it. */
  function slug(tekst) {
    var ascii = tekst.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    var woorden = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return woorden.slice(0, 60).replace(/-+$/, "") || "record";
  }

  function lijst(sleutel, waarden) {
    return waarden.length ? [sleutel + ": [" + waarden.map(yamlWaarde).join(", ") + "]"] : [];
  }

  function eenRegel(tekst) {
    return tekst.split(/\s+/).filter(Boolean).join(" ");
  }

  function vandaag() {
    var nu = new Date();
    var twee = function (n) { return (n < 10 ? "0" : "") + n; };
    return nu.getFullYear() + "-" + twee(nu.getMonth() + 1) + "-" + twee(nu.getDate());
  }

  function aangevinkt(formulier, naam) {
    return Array.prototype.slice
      .call(formulier.querySelectorAll('input[name="' + naam + '"]:checked'))
      .map(function (veld) { return veld.value; });
  }

  /* The host's new-file and edit pages, where the host is known: an https repository address and an edit_uri that
   * names the branch as GitHub's does ('edit/<branch>/docs/'). Elsewhere the form only makes the text. */
  function hostadressen(wortel) {
    var repo = (wortel.getAttribute("data-repo") || "").replace(/\/+$/, "");
    var tak = /^edit\/([^/?#]+)\//.exec(wortel.getAttribute("data-edit-uri") || "");
    if (!/^https:\/\/[^\s"'<>?#]+$/.test(repo) || !tak) return { nieuw: "", bewerk: "" };
    return {
      nieuw: repo + "/new/" + tak[1] + "/" + wortel.getAttribute("data-map"),
      bewerk: repo + "/edit/" + tak[1] + "/",
    };
  }

  // --- errors, said as text next to the field and in a list at the top of the form ---------------------------

  function Fouten(formulier, vak) {
    this.formulier = formulier;
    this.vak = vak;
    this.lijst = [];
  }

  Fouten.prototype.wis = function () {
    var oud = this.formulier.querySelectorAll(".agenda-voorstel__fout");
    Array.prototype.forEach.call(oud, function (el) { el.remove(); });
    Array.prototype.forEach.call(this.formulier.querySelectorAll("[aria-invalid]"), function (el) {
      el.removeAttribute("aria-invalid");
      var beschrijving = (el.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && id.slice(-5) !== "-fout";
      });
      if (beschrijving.length) el.setAttribute("aria-describedby", beschrijving.join(" "));
      else el.removeAttribute("aria-describedby");
    });
    this.vak.hidden = true;
    this.vak.querySelector("ul").textContent = "";
    this.lijst = [];
  };

  /* ``veld`` is a control or a fieldset; ``tekst`` what is wrong, in Dutch (from the form's data-fout). */
  Fouten.prototype.meld = function (veld, tekst) {
    var id = veld.id + "-fout";
    var melding = document.createElement("span");
    melding.className = "agenda-voorstel__fout";
    melding.id = id;
    melding.textContent = tekst;
    if (veld.tagName === "FIELDSET") {
      veld.querySelector("legend").after(melding);
      var eerste = veld.querySelector("input");
      if (eerste) eerste.setAttribute("aria-describedby", ((eerste.getAttribute("aria-describedby") || "") + " " + id).trim());
    } else {
      veld.setAttribute("aria-invalid", "true");
      veld.setAttribute("aria-describedby", ((veld.getAttribute("aria-describedby") || "") + " " + id).trim());
      veld.before(melding);
    }
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = "#" + (veld.tagName === "FIELDSET" ? (veld.querySelector("input") || veld).id : veld.id);
    link.textContent = tekst;
    item.appendChild(link);
    this.vak.querySelector("ul").appendChild(item);
    this.lijst.push(tekst);
  };

  Fouten.prototype.toon = function () {
    if (!this.lijst.length) return false;
    this.vak.hidden = false;
    this.vak.focus();
    return true;
  };

  // --- the result: text to copy and, where the host is known, the link to its editor ---------------------------

  function toonUitkomst(formulier, tekst) {
    var vak = formulier.querySelector(".agenda-voorstel__uitkomst");
    vak.querySelector(".agenda-voorstel__tekst code").textContent = tekst;
    vak.querySelector(".agenda-voorstel__melding").textContent = "";
    vak.hidden = false;
    vak.querySelector("h3").focus();
    return vak;
  }

  function kopieer(knop) {
    var vak = knop.closest(".agenda-voorstel__uitkomst");
    var tekst = vak.querySelector(".agenda-voorstel__tekst code").textContent;
    var melding = vak.querySelector(".agenda-voorstel__melding");
    var gelukt = function () { melding.textContent = knop.getAttribute("data-gekopieerd"); };
    var handmatig = function () {
      var bereik = document.createRange();
      bereik.selectNodeContents(vak.querySelector(".agenda-voorstel__tekst"));
      var selectie = window.getSelection();
      selectie.removeAllRanges();
      selectie.addRange(bereik);
      try {
        if (document.execCommand("copy")) { gelukt(); return; }
      } catch (e) { /* the selection stays: copy it by hand */ }
      melding.textContent = "Kopiëren lukt niet vanzelf: de tekst is geselecteerd, kopieer hem zelf.";
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(tekst).then(gelukt, handmatig);
    else handmatig();
  }

  // --- a new decision --------------------------------------------------------------------------------------------

  function nieuwBesluit(formulier, host) {
    var fouten = new Fouten(formulier, formulier.querySelector(".agenda-voorstel__fouten"));
    fouten.wis();
    var titelVeld = formulier.querySelector("#voorstel-titel");
    var samenvattingVeld = formulier.querySelector("#voorstel-samenvatting");
    var titel = eenRegel(titelVeld.value);
    var samenvatting = eenRegel(samenvattingVeld.value);
    var soort = aangevinkt(formulier, "soort")[0];
    if (!titel) fouten.meld(titelVeld, titelVeld.getAttribute("data-fout"));
    if (!samenvatting) fouten.meld(samenvattingVeld, samenvattingVeld.getAttribute("data-fout"));
    var soortVak = formulier.querySelector("#voorstel-soort");
    if (!soort) fouten.meld(soortVak, soortVak.getAttribute("data-fout"));
    var regioVak = formulier.querySelector("#voorstel-regios");
    var regioKeuze = regioVak ? aangevinkt(formulier, "regios")[0] : "alle";
    var regios = regioKeuze === "sommige" ? aangevinkt(formulier, "regio") : [];
    if (regioKeuze === "sommige" && !regios.length) fouten.meld(regioVak, regioVak.getAttribute("data-fout"));
    Array.prototype.forEach.call(formulier.querySelectorAll("textarea[data-kop]"), function (veld) {
      if (HTML.test(veld.value)) fouten.meld(veld, veld.getAttribute("data-fout"));
    });
    if (fouten.toon()) return;

    var nummer = parseInt(formulier.getAttribute("data-nummer"), 10);
    var regels = [
      "---",
      "nummer: " + nummer,
      "titel: " + yamlWaarde(titel),
      "soort: " + soort,
      "samenvatting: " + yamlWaarde(samenvatting),
    ].concat(lijst("deelopdrachten", aangevinkt(formulier, "onderdeel")));
    if (regioKeuze === "sommige") regels = regels.concat(lijst("regios", regios));
    if (regioKeuze === "geen") regels.push("regios: []");
    if (formulier.querySelector("#voorstel-zonder-route").checked) regels.push("verloop: []");
    else regels.push("verloop:", "  - {datum: " + yamlWaarde(vandaag()) + ", uitkomst: ingebracht}");
    regels.push("---", "");
    Array.prototype.forEach.call(formulier.querySelectorAll("textarea[data-kop]"), function (veld) {
      var inhoud = veld.value.replace(/\r\n?/g, "\n").trim();
      regels.push("## " + veld.getAttribute("data-kop"), "", inhoud || "Nader in te vullen.", "");
    });
    var tekst = regels.join("\n");
    var naam = ("000" + nummer).slice(-Math.max(4, String(nummer).length)) + "-" + slug(titel) + ".md";

    var vak = toonUitkomst(formulier, tekst);
    vak.querySelector(".agenda-voorstel__bestand").textContent = formulier.getAttribute("data-map") + "/" + naam;
    var open = vak.querySelector(".agenda-voorstel__open");
    if (open && host.nieuw) {
      var adres = host.nieuw + "?filename=" + encodeURIComponent(naam) + "&value=" + encodeURIComponent(tekst);
      var teLang = adres.length > MAX_ADRES;
      open.href = teLang ? host.nieuw + "?filename=" + encodeURIComponent(naam) : adres;
      vak.querySelector(".agenda-voorstel__te-lang").hidden = !teLang;
    }
  }

  // --- a step on an existing decision ------------------------------------------------------------------------------

  function stap(formulier, host) {
    var fouten = new Fouten(formulier, formulier.querySelector(".agenda-voorstel__fouten"));
    fouten.wis();
    var besluit = formulier.querySelector("#stap-besluit");
    var gremium = formulier.querySelector("#stap-gremium");
    var uitkomst = formulier.querySelector("#stap-uitkomst");
    var datum = formulier.querySelector("#stap-datum");
    var gepland = formulier.querySelector("#stap-gepland").checked;
    [besluit, gremium, uitkomst].forEach(function (veld) {
      if (!veld.value) fouten.meld(veld, veld.getAttribute("data-fout"));
    });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(datum.value)) fouten.meld(datum, datum.getAttribute("data-fout"));
    else if (datum.value > vandaag() && !gepland) fouten.meld(datum, datum.getAttribute("data-toekomst"));
    if (fouten.toon()) return;

    var delen = [
      "datum: " + yamlWaarde(datum.value),
      "gremium: " + yamlWaarde(gremium.value),
      "uitkomst: " + yamlWaarde(uitkomst.value),
    ];
    var toelichting = eenRegel(formulier.querySelector("#stap-toelichting").value);
    if (toelichting) delen.push("toelichting: " + yamlWaarde(toelichting));
    if (gepland) delen.push("gepland: true");
    var vak = toonUitkomst(formulier, "  - {" + delen.join(", ") + "}");
    var zonderStappen = besluit.selectedOptions[0].getAttribute("data-zonder-stappen") === "ja";
    vak.querySelector(".agenda-voorstel__met-stappen").hidden = zonderStappen;
    vak.querySelector(".agenda-voorstel__zonder-stappen").hidden = !zonderStappen;
    var bestand = vak.querySelector(".agenda-voorstel__bestand");
    if (bestand) bestand.textContent = besluit.value;
    var open = vak.querySelector(".agenda-voorstel__open");
    if (open && host.bewerk) open.href = host.bewerk + besluit.value.split("/").map(encodeURIComponent).join("/");
  }

  /* Only the outcomes the chosen body can give in the route (from its option's data-uitkomsten). */
  function beperkUitkomsten(formulier, alle) {
    var gremium = formulier.querySelector("#stap-gremium");
    var uitkomst = formulier.querySelector("#stap-uitkomst");
    var gekozen = gremium.selectedOptions[0];
    var toegestaan = (gekozen && gekozen.getAttribute("data-uitkomsten") || "").split(" ").filter(Boolean);
    var vorige = uitkomst.value;
    var eerste = alle[0];
    if (!eerste.hasAttribute("data-eerst")) eerste.setAttribute("data-eerst", eerste.textContent);
    eerste.textContent = toegestaan.length ? eerste.getAttribute("data-gekozen") : eerste.getAttribute("data-eerst");
    uitkomst.textContent = "";
    alle.forEach(function (optie, i) {
      if (i === 0 || toegestaan.indexOf(optie.value) >= 0) uitkomst.appendChild(optie);
    });
    uitkomst.value = toegestaan.indexOf(vorige) >= 0 ? vorige : "";
  }

  function start() {
    var wortel = document.querySelector(".agenda-voorstel");
    if (!wortel) return;
    var host = hostadressen(wortel);
    Array.prototype.forEach.call(wortel.querySelectorAll(".agenda-voorstel__met-host"), function (el) {
      el.hidden = !host.nieuw;
    });
    Array.prototype.forEach.call(wortel.querySelectorAll(".agenda-voorstel__zonder-host"), function (el) {
      el.hidden = !!host.nieuw;
    });
    Array.prototype.forEach.call(wortel.querySelectorAll(".agenda-voorstel__zonder-script"), function (el) {
      el.hidden = true;
    });
    var nieuw = document.getElementById("voorstel-nieuw");
    if (nieuw) {
      nieuw.hidden = false;
      nieuw.addEventListener("submit", function (gebeurtenis) {
        gebeurtenis.preventDefault();
        nieuwBesluit(nieuw, host);
      });
    }
    var stapformulier = document.getElementById("voorstel-stap");
    if (stapformulier) {
      stapformulier.hidden = false;
      var alle = Array.prototype.slice.call(stapformulier.querySelector("#stap-uitkomst").options);
      beperkUitkomsten(stapformulier, alle);
      stapformulier.querySelector("#stap-gremium").addEventListener("change", function () {
        beperkUitkomsten(stapformulier, alle);
      });
      stapformulier.addEventListener("submit", function (gebeurtenis) {
        gebeurtenis.preventDefault();
        stap(stapformulier, host);
      });
    }
    Array.prototype.forEach.call(wortel.querySelectorAll(".agenda-voorstel__kopieer"), function (knop) {
      knop.addEventListener("click", function () { kopieer(knop); });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
