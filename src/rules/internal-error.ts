// Reported by the check itself when a step fails unexpectedly (src/check/).
import { defineRule, problem } from './rule.js';

export default defineRule({
  ...problem('internal-error'),
  description: 'Ett oväntat fel i Spårbar när filen lästes.',
  category: 'files',
  blocking: true,
  docs: {
    details: 'Ett oväntat fel i Spårbar själv när en fil lästes eller planen byggdes. Felet rapporteras vid filen (eller planmappen), och resten av planen kontrolleras ändå.',
    why: 'Ett fel i verktyget ska aldrig få en hel kontroll att krascha eller tyst hoppa över en fil. Meddelandet talar om var det hände, så att felet kan rapporteras och filen kontrolleras för hand under tiden.',
    fix: 'Det är ett fel i Spårbar, inte nödvändigtvis i filen. Rapportera det med filen (eller en förenklad kopia av den) och meddelandets text. Kontrollera under tiden filen mot [filformatet](../../README.md#filformatet--the-file-format).',
    fail: {
      title: 'ett fel i Spårbar vid en fil',
      situation: 'Om Spårbar stöter på ett oväntat fel när `plan/aktiviteter/A2.md` läses, säger `sparbar check` `Spårbar kunde inte läsa klart här (…). Det är ett fel i Spårbar, inte nödvändigtvis i filen: rapportera det gärna med filen.` vid filen, rad 1, kolumn 1, och kontrollerar resten av planen.',
    },
    pass: {
      title: 'efter rättelsen',
      situation: 'När felet är rättat i Spårbar kontrolleras filen som alla andra.',
    },
  },
});
