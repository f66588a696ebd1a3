/**
 * Support-chat synonyms folded onto one canonical word, so the repeat detector sees "where's my
 * package?" and "where is my order?" as the same question. Folded keys (lower case, no accents);
 * light plural folding happens before the lookup. Hand-written; en first, then es/fr/de/pt.
 */
const GROUPS: readonly (readonly string[])[] = [
  ["order", "package", "parcel", "shipment", "purchase", "pedido", "paquete", "commande", "colis", "bestellung", "paket", "encomenda", "pacote"],
  ["refund", "reimbursement", "money back", "reembolso", "remboursement", "erstattung", "ruckerstattung"],
  ["cancel", "cancellation", "terminate", "stop", "end", "cancelar", "annuler", "kundigen", "stornieren"],
  ["invoice", "bill", "receipt", "factura", "facture", "rechnung", "fatura"],
  ["password", "pwd", "passcode", "pin", "contrasena", "mot de passe", "passwort", "senha"],
  ["login", "log", "signin", "sign", "access", "connect", "iniciar", "connexion", "anmelden", "entrar"],
  ["account", "profile", "cuenta", "compte", "konto", "conta"],
  ["export", "download", "save", "descargar", "exporter", "telecharger", "herunterladen", "exportieren", "baixar"],
  ["csv", "spreadsheet", "excel"],
  ["charge", "charged", "billed", "debit", "debited", "cobro", "cobrado"],
  ["arrive", "arrived", "come", "receive", "received", "get", "deliver", "delivered", "llegar", "arriver", "ankommen", "chegar"],
  ["address", "direccion", "adresse", "endereco"],
  ["change", "modify", "update", "edit", "cambiar", "modifier", "andern", "alterar", "mudar"],
  ["price", "cost", "pricing", "fee", "precio", "prix", "preis", "preco"],
  ["broken", "crash", "crashing", "error", "bug", "failing", "fails", "failed", "fail", "working", "work"],
  ["human", "agent", "person", "someone", "representative", "operator"],
];

/** Folded word → its group's first word. */
export const SYNONYMS: ReadonlyMap<string, string> = new Map(GROUPS.flatMap((g) => g.map((w) => [w, g[0]!] as const)));
