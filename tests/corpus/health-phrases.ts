/**
 * What people say about their health, in their own words, per language: at least ten natural phrasings for each
 * condition HealthIntent answers, and the everyday pain phrases PainIntent must hear (issue 21). health.test.ts
 * resolves every one through the locale's real model; the counts in the report come from these lists.
 */
import type { HealthCondition } from '../../src/core/events.js';

export type Lang = 'en' | 'de' | 'es' | 'fr';

export const HEALTH_PHRASES: Readonly<Record<Lang, Readonly<Record<HealthCondition, readonly string[]>>>> = {
  en: {
    diabetes: ['I have diabetes', "I've got diabetes", "I'm diabetic", "I'm a diabetic", 'I have type 2 diabetes', 'I have type one diabetes', 'I suffer from diabetes',
      'by the way I have diabetes', 'oh wait I have diabetes', 'can I do this with diabetes', 'is it safe with diabetes', 'what if I have diabetes', 'I have diabetic feet', 'I have high blood sugar'],
    neuropathy: ['I have neuropathy', "I've got peripheral neuropathy", 'I have diabetic neuropathy', 'I have nerve damage in my feet', 'I have numb feet',
      'I have no feeling in my feet', 'I suffer from neuropathy', 'I have numbness in my feet', 'can I do this with neuropathy', 'I have poor feeling in my feet', 'I have nerve damage'],
    bloodThinners: ['I take blood thinners', "I'm on blood thinners", 'I am on blood thinners', "I'm on warfarin", 'I take warfarin', 'I take a blood thinner',
      "I'm on anticoagulants", 'I have a clotting disorder', 'I have a bleeding disorder', 'I have hemophilia', 'is it safe with blood thinners', 'can I do this with blood thinners'],
    swelling: ['my ankle is swollen', 'my foot is swollen', 'my feet are swollen', 'my ankles are swollen', 'I have swollen feet', 'I have a swollen ankle',
      "I've got a swollen foot", 'I have swelling', 'I have an inflamed foot', 'is it safe with swelling', 'I have inflammation in my foot'],
    sprain: ['I sprained my ankle', 'I twisted my ankle', 'I just sprained my ankle', 'I rolled my ankle', 'I think I sprained my ankle', 'I sprained my ankle yesterday',
      'I have a sprained ankle', "I've got a twisted ankle", 'I have a sprain', 'I have an ankle sprain', 'I sprained my foot', 'I twisted my ankle yesterday'],
    brokenSkin: ['I have a cut on my foot', "I've got a cut on my foot", 'I cut my foot', 'I just cut my foot', 'I have a blister', "I've got blisters",
      'I have broken skin', 'I have an open wound', 'I have a wound on my foot', 'I have a graze on my foot', 'I have cracked skin on my heel', 'I have a sore on my foot'],
    varicose: ['I have varicose veins', "I've got varicose veins", 'I have a varicose vein', 'I have spider veins', 'I have bulging veins', 'I suffer from varicose veins',
      'I have varicose veins in my legs', 'can I do this with varicose veins', 'is it safe with varicose veins', 'what if I have varicose veins', 'is this ok with varicose veins'],
    swollenCalf: ['my calf is swollen', 'I have a swollen calf', "I've got a swollen calf", 'my calf is swollen and warm', 'I have a warm swollen calf', 'I have a hot swollen calf',
      'I have a tender swollen calf', 'I have a blood clot', 'I have a blood clot in my leg', "I've got a clot in my leg", 'I have deep vein thrombosis', "I've got a blood clot"],
    pregnancySafety: ['is it safe during pregnancy', 'is this safe during pregnancy', 'is it safe in pregnancy', 'is this safe while pregnant', 'is acupressure safe during pregnancy',
      'can I do this during pregnancy', 'can I do this while pregnant', 'is this ok during pregnancy', 'is it safe for pregnant women', "is this safe if I'm pregnant", 'is it safe in early pregnancy'],
  },
  de: {
    diabetes: ['ich habe Diabetes', 'ich hab Diabetes', 'ich habe Zucker', 'ich bin Diabetiker', 'ich bin Diabetikerin', 'ich bin zuckerkrank', 'ich habe auch Diabetes',
      'ich leide an Diabetes', 'übrigens habe ich Diabetes', 'oh warte ich habe Diabetes', 'kann ich das mit Diabetes machen', 'ist das mit Diabetes sicher', 'ich habe Typ 2 Diabetes'],
    neuropathy: ['ich habe Neuropathie', 'ich habe eine Polyneuropathie', 'ich hab Polyneuropathie', 'ich leide an Polyneuropathie', 'ich habe taube Füße', 'ich hab taube Füße',
      'ich habe Nervenschäden in den Füßen', 'ich habe kein Gefühl in den Füßen', 'ich habe wenig Gefühl in den Füßen', 'ist das mit Neuropathie sicher', 'ich habe eine Neuropathie'],
    bloodThinners: ['ich nehme Blutverdünner', 'ich nehme Marcumar', 'ich nehme einen Blutverdünner', 'ich nehme blutverdünnende Mittel', 'ich nehme Gerinnungshemmer',
      'ich habe eine Gerinnungsstörung', 'ich bin Bluter', 'ich habe die Bluterkrankheit', 'ist das mit Blutverdünner sicher', 'kann ich das mit Marcumar machen', 'ich habe eine Blutgerinnungsstörung'],
    swelling: ['mein Fuß ist geschwollen', 'mein Knöchel ist geschwollen', 'meine Füße sind geschwollen', 'meine Knöchel sind geschwollen', 'ich habe geschwollene Füße',
      'ich habe einen geschwollenen Fuß', 'ich habe einen geschwollenen Knöchel', 'ich habe eine Schwellung', 'ich habe eine Entzündung am Fuß', 'ich hab geschwollene Füße', 'ich habe eine Schwellung am Fuß'],
    sprain: ['ich habe mir den Knöchel verstaucht', 'ich hab mir den Knöchel verstaucht', 'ich habe mir den Fuß verstaucht', 'ich habe mir den Fuß vertreten', 'ich bin umgeknickt',
      'ich bin mit dem Fuß umgeknickt', 'ich habe eine Verstauchung', 'ich habe einen verstauchten Knöchel', 'ich habe einen umgeknickten Knöchel', 'ich habe eine Bänderdehnung', 'ich habe mir das Sprunggelenk verstaucht'],
    brokenSkin: ['ich habe eine Schnittwunde', 'ich habe eine Wunde am Fuß', 'ich habe mich am Fuß geschnitten', 'ich habe mir in den Fuß geschnitten', 'ich habe eine Blase',
      'ich habe eine Blase am Fuß', 'ich habe Blasen', 'ich habe offene Haut', 'ich habe eine offene Stelle', 'ich habe rissige Haut an der Ferse', 'ich habe eine Schürfwunde', 'ich habe einen Schnitt am Fuß'],
    varicose: ['ich habe Krampfadern', 'ich hab Krampfadern', 'ich habe eine Krampfader', 'ich habe Besenreiser', 'ich habe Krampfadern an den Beinen', 'ich leide an Krampfadern',
      'ich leide unter Krampfadern', 'kann ich das mit Krampfadern machen', 'ist das mit Krampfadern sicher', 'ich habe hervortretende Adern', 'geht das mit Krampfadern'],
    swollenCalf: ['meine Wade ist geschwollen', 'meine Wade ist dick und warm', 'ich habe eine geschwollene Wade', 'ich hab eine geschwollene Wade', 'ich habe eine warme geschwollene Wade',
      'ich habe eine dicke Wade', 'ich habe eine Thrombose', 'meine Wade ist dick', 'ich habe ein Blutgerinnsel', 'ich habe ein Blutgerinnsel im Bein', 'ist das mit Thrombose sicher'],
    pregnancySafety: ['ist das in der Schwangerschaft sicher', 'ist das während der Schwangerschaft sicher', 'ist das in der Schwangerschaft in Ordnung', 'ist das für Schwangere sicher',
      'darf ich das in der Schwangerschaft machen', 'kann ich das in der Schwangerschaft machen', 'ist Akupressur in der Schwangerschaft sicher', 'geht das auch in der Schwangerschaft',
      'ist das in der Frühschwangerschaft ok', 'ist das wenn ich schwanger bin sicher', 'geht das auch für Schwangere'],
  },
  es: {
    diabetes: ['tengo diabetes', 'soy diabético', 'soy diabética', 'tengo diabetes tipo 2', 'tengo diabetes tipo uno', 'tengo azúcar', 'tengo el azúcar alto', 'sufro de diabetes',
      'padezco diabetes', 'por cierto tengo diabetes', 'ah espera tengo diabetes', 'puedo hacerlo con diabetes', 'es seguro con diabetes', 'y si tengo diabetes'],
    neuropathy: ['tengo neuropatía', 'tengo neuropatía periférica', 'tengo neuropatía diabética', 'tengo daño en los nervios', 'tengo los nervios dañados', 'tengo los pies entumecidos',
      'tengo poca sensibilidad en los pies', 'tengo pérdida de sensibilidad en los pies', 'padezco neuropatía', 'tengo polineuropatía', 'es seguro con neuropatía'],
    bloodThinners: ['tomo anticoagulantes', 'estoy tomando anticoagulantes', 'tomo sintrom', 'tomo warfarina', 'tomo pastillas para la sangre', 'tomo un anticoagulante',
      'tengo un trastorno de coagulación', 'tengo problemas de coagulación', 'tengo hemofilia', 'soy hemofílico', 'es seguro con anticoagulantes', 'puedo hacerlo con sintrom'],
    swelling: ['tengo el pie hinchado', 'tengo el tobillo hinchado', 'tengo los pies hinchados', 'tengo los tobillos hinchados', 'se me ha hinchado el pie', 'se me ha hinchado el tobillo',
      'se me hinchan los pies', 'tengo hinchazón', 'tengo una inflamación', 'tengo inflamación en el pie', 'es seguro con hinchazón'],
    sprain: ['me he torcido el tobillo', 'me torcido el tobillo', 'tengo un esguince', 'tengo un esguince de tobillo', 'tengo esguince de tobillo', 'tengo el tobillo torcido',
      'me he hecho un esguince', 'se me ha torcido el tobillo', 'me he doblado el tobillo', 'tengo una torcedura', 'tengo esguince'],
    brokenSkin: ['tengo un corte en el pie', 'me he cortado el pie', 'tengo una herida en el pie', 'tengo una ampolla', 'tengo ampollas', 'tengo la piel abierta', 'tengo una rozadura',
      'tengo grietas en el talón', 'tengo herida en el pie', 'tengo corte en el pie', 'es seguro con una herida en el pie'],
    varicose: ['tengo varices', 'tengo várices', 'tengo una variz', 'tengo varices en las piernas', 'tengo arañas vasculares', 'sufro de varices', 'padezco varices',
      'es seguro con varices', 'puedo hacerlo con varices', 'tengo venas hinchadas en las piernas', 'y si tengo varices'],
    swollenCalf: ['tengo la pantorrilla hinchada', 'tengo una pantorrilla hinchada', 'tengo la pantorrilla hinchada y caliente', 'tengo la pantorrilla caliente e hinchada', 'tengo el gemelo hinchado', 'se me ha hinchado la pantorrilla',
      'tengo una trombosis', 'tengo trombosis', 'tengo un coágulo', 'tengo un coágulo en la pierna', 'sufro de trombosis', 'es seguro con trombosis'],
    pregnancySafety: ['es seguro en el embarazo', 'es seguro durante el embarazo', 'esto es seguro en el embarazo', 'es seguro para embarazadas', 'se puede hacer durante el embarazo',
      'puedo hacer esto embarazada', 'puedo hacer esto durante el embarazo', 'la acupresión es segura en el embarazo', 'está bien hacerlo durante el embarazo', 'es seguro si estoy embarazada',
      'es seguro al principio del embarazo'],
  },
  fr: {
    diabetes: ["j'ai du diabète", "j'ai le diabète", 'je suis diabétique', "j'ai un diabète de type 2", "j'ai un diabète de type un", 'je souffre de diabète', "j'ai un diabète",
      "au fait j'ai du diabète", "attends j'ai du diabète", 'je peux le faire avec du diabète', "c'est sans danger avec du diabète", "et si j'ai du diabète", "j'ai trop de sucre dans le sang"],
    neuropathy: ["j'ai une neuropathie", "j'ai une neuropathie périphérique", "j'ai une neuropathie diabétique", "j'ai une polyneuropathie", "j'ai des lésions nerveuses",
      "j'ai les pieds engourdis en permanence", "j'ai une perte de sensibilité aux pieds", "j'ai peu de sensibilité dans les pieds", "j'ai les nerfs abîmés", 'je souffre de neuropathie',
      "c'est sans danger avec une neuropathie"],
    bloodThinners: ['je prends des anticoagulants', 'je suis sous anticoagulants', 'je prends un anticoagulant', 'je suis sous anticoagulant', 'je prends un fluidifiant sanguin',
      'je prends du préviscan', 'je suis sous préviscan', 'je prends de la coumadine', "j'ai un trouble de la coagulation", 'je suis hémophile', "c'est sans danger avec des anticoagulants"],
    swelling: ['mon pied est gonflé', 'ma cheville est gonflée', 'mes pieds sont gonflés', "j'ai les pieds gonflés", "j'ai un pied gonflé", "j'ai la cheville gonflée",
      "j'ai les chevilles enflées", "j'ai un gonflement", "j'ai une inflammation au pied", "c'est sans danger avec un gonflement", "j'ai des pieds gonflés"],
    sprain: ["je me suis tordu la cheville", "je me suis foulé la cheville", "je me suis fait une entorse", "j'ai une entorse", "j'ai une entorse à la cheville", "j'ai une foulure",
      "j'ai une cheville tordue", "j'ai la cheville foulée", "au fait j'ai une entorse", "attends j'ai une entorse", "j'ai fait une entorse"],
    brokenSkin: ["j'ai une coupure au pied", "je me suis coupé le pied", "j'ai une plaie au pied", "j'ai une ampoule", "j'ai des ampoules", "j'ai la peau abîmée", "j'ai une écorchure",
      "j'ai une crevasse au talon", "j'ai une plaie ouverte", "j'ai une coupure", "c'est sans danger avec une plaie ouverte"],
    varicose: ["j'ai des varices", "j'ai une varice", "j'ai des varices aux jambes", "j'ai des varicosités", 'je souffre de varices', "j'ai des veines gonflées aux jambes",
      "c'est sans danger avec des varices", 'je peux le faire avec des varices', "et si j'ai des varices", "au fait j'ai des varices", "attends j'ai des varices"],
    swollenCalf: ['mon mollet est gonflé', "j'ai le mollet gonflé", "j'ai le mollet enflé", 'mon mollet est gonflé et chaud', "j'ai un mollet gonflé", "j'ai un mollet chaud et gonflé", "j'ai un mollet enflé", "j'ai une phlébite",
      "j'ai une thrombose", "j'ai un caillot", "j'ai un caillot dans la jambe", 'je souffre de phlébite', "c'est sans danger avec une phlébite"],
    pregnancySafety: ["est-ce que c'est sans danger pendant la grossesse", "c'est sans danger pendant la grossesse", "est-ce que je peux le faire enceinte", "est-ce que je peux le faire pendant la grossesse",
      "c'est bon pendant la grossesse", "c'est sans danger pour les femmes enceintes", "l'acupression est-elle sans danger pendant la grossesse", "est-ce que c'est déconseillé pendant la grossesse",
      "est-ce que c'est sans danger quand on est enceinte", "c'est sans danger si je suis enceinte", "est-ce que c'est déconseillé au début de la grossesse"],
  },
};

/** Everyday pain words, new in issue 21 ("ow", "sore", "painful", "too hard", "it still hurts"). */
export const PAIN_PHRASES: Readonly<Record<Lang, readonly string[]>> = {
  en: ["Ow, that's sore", "that's really sore", "it's painful", 'that hurts a lot', 'too hard', "ouch, that's sore", "that's very sore", "it's really sore", "it's too hard",
    "that's too hard", 'it still hurts', "it's still sore", "ow, that's painful", "that's painful", 'ow', "I'm pressing too hard"],
  de: ['au, das tut weh', 'aua, das tut weh', 'das ist empfindlich', 'das tut ziemlich weh', 'das tut sehr weh', 'das tut echt weh', 'zu fest', 'zu hart', 'das ist zu hart',
    'ich drücke zu fest', 'es tut immer noch weh', 'es tut noch weh', 'das ist echt schmerzhaft', 'au, das ist empfindlich', 'au'],
  es: ['ay, eso me molesta', 'ay, qué dolor', 'está muy sensible', 'eso está muy sensible', 'me duele bastante', 'duele un montón', 'demasiado duro', 'estoy apretando demasiado',
    'todavía me duele', 'sigue doliendo', 'aún me duele', 'ay, eso duele', 'qué daño', 'ay', 'ay, me duele', 'uy, me duele', '¡ay, cómo duele!'],
  fr: ["aïe, c'est sensible", "c'est sensible", "c'est très sensible", 'ça fait très mal', 'ça fait assez mal', 'ça fait super mal', 'trop dur', "c'est trop dur", "j'appuie trop fort", 'ça fait encore mal',
    'ça fait toujours mal', 'aïe, ça fait mal', "ouille, c'est douloureux", "c'est vraiment douloureux", 'aïe'],
};

/** "I'm N weeks pregnant", and "is this ok?" said with it: PregnantIntent. */
export const PREGNANT_PHRASES: Readonly<Record<Lang, readonly string[]>> = {
  en: ["Oh wait, I'm 20 weeks pregnant, is this ok?", "I'm 12 weeks pregnant", "I'm pregnant, is this ok?", "I am 30 weeks pregnant", "I'm 5 months pregnant", "I'm 20 weeks along"],
  de: ['oh warte, ich bin 20 Wochen schwanger, ist das ok?', 'ich bin 12 Wochen schwanger', 'ich bin seit 8 Wochen schwanger', 'ich bin in der 20 Woche', 'ich bin schwanger, ist das in Ordnung?'],
  es: ['ah, espera, estoy embarazada de 20 semanas, ¿está bien?', 'estoy embarazada de 12 semanas', 'estoy de 5 meses', 'llevo 20 semanas de embarazo', 'estoy embarazada, ¿es seguro esto?'],
  fr: ["attends, je suis enceinte de 20 semaines, c'est bon ?", 'je suis enceinte de 12 semaines', "j'en suis à 20 semaines", 'je suis enceinte de 5 mois', "je suis enceinte, c'est sans risque ?"],
};

/** A yes to the pregnancy question, said as people do. */
export const YES_PHRASES: Readonly<Record<Lang, readonly string[]>> = {
  en: ['yes I am', 'I am'], de: ['ja, bin ich'], es: ['sí, lo estoy', 'lo estoy'], fr: ['oui, je le suis', 'je le suis'],
};
