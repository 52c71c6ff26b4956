// The world the labelled PoE corpus is drawn from: registry-like customers (with the legal-suffix,
// case and accent variants a real document spells them in), catalog products with the aliases
// people write, partners, and signers.

export interface CorpusCustomer {
  /** As the claim (and the registry) spells it. */
  name: string;
  /** Ways a document may spell the same company. */
  variants: string[];
  domain: string;
  tenantId: string;
  contact: { name: string; title: string };
}

export const CUSTOMERS: readonly CorpusCustomer[] = [
  c("Contoso Ltd", ["Contoso Limited", "CONTOSO LTD.", "Contoso"], "contoso.com", "Ana Ruiz", "CIO"),
  c(
    "Fabrikam, Inc.",
    ["Fabrikam Inc", "FABRIKAM INCORPORATED", "Fabrikam"],
    "fabrikam.com",
    "Tom Baker",
    "IT Director",
  ),
  c(
    "Compañía Andina de Energía S.A.",
    ["Compania Andina de Energia SA", "COMPAÑÍA ANDINA DE ENERGÍA, S. A.", "Compañía Andina de Energía"],
    "andinaenergia.com.co",
    "Lucía Gómez",
    "Directora de TI",
  ),
  c(
    "Tailspin Toys GmbH",
    ["Tailspin Toys", "TAILSPIN TOYS G.M.B.H."],
    "tailspintoys.de",
    "Jonas Weber",
    "Head of IT",
  ),
  c(
    "Müller & Söhne AG",
    ["Mueller & Soehne AG", "MÜLLER & SÖHNE", "Müller und Söhne AG"],
    "mueller-soehne.ch",
    "Petra Keller",
    "CTO",
  ),
  c(
    "Northwind Traders LLC",
    ["Northwind Traders, L.L.C.", "NORTHWIND TRADERS"],
    "northwindtraders.com",
    "Sam Patel",
    "VP Operations",
  ),
  c(
    "Woodgrove Bank plc",
    ["Woodgrove Bank PLC", "Woodgrove Bank"],
    "woodgrovebank.co.uk",
    "Olivia Hart",
    "CISO",
  ),
  c(
    "Alpine Ski House S.L.",
    ["Alpine Ski House SL", "ALPINE SKI HOUSE, S.L.", "Alpine Ski House Sociedad Limitada"],
    "alpineskihouse.es",
    "Javier Martín",
    "Gerente de Sistemas",
  ),
  c(
    "Grupo Industrial Peñasco S.A. de C.V.",
    ["Grupo Industrial Penasco SA de CV", "GRUPO INDUSTRIAL PEÑASCO"],
    "grupopenasco.com.mx",
    "María José Ibáñez",
    "Directora General",
  ),
  c(
    "Coho Winery Pty Ltd",
    ["Coho Winery Pty. Ltd.", "COHO WINERY"],
    "cohowinery.com.au",
    "Liam Nguyen",
    "Operations Manager",
  ),
  c(
    "Café Olé Distribuciones SAS",
    ["Cafe Ole Distribuciones S.A.S.", "CAFÉ OLÉ DISTRIBUCIONES"],
    "cafeole.com.co",
    "Andrés Peña",
    "Jefe de Tecnología",
  ),
  c(
    "Lamna Healthcare Company",
    ["Lamna Healthcare Co.", "LAMNA HEALTHCARE"],
    "lamnahealthcare.com",
    "Grace Kim",
    "CMIO",
  ),
];

function c(
  name: string,
  variants: string[],
  domain: string,
  contactName: string,
  title: string,
): CorpusCustomer {
  // A stable tenant id derived from the domain, so a document can cite it.
  let h = 0;
  for (const ch of domain) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  const a = hex(h);
  const b = hex(Math.imul(h, 2654435761));
  const d = hex(Math.imul(h ^ 0x9e3779b9, 40503));
  const tenantId = `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-8${d.slice(1, 4)}-${d}${a.slice(0, 4)}`;
  return { name, variants, domain, tenantId, contact: { name: contactName, title } };
}

export interface CorpusProduct {
  code: string;
  aliases: { en: string[]; es: string[] };
}

const p = (code: string, en: string[], es: string[] = en): CorpusProduct => ({ code, aliases: { en, es } });

export const PRODUCTS: readonly CorpusProduct[] = [
  p(
    "d365_sales",
    ["Dynamics 365 Sales", "D365 Sales", "Dynamics 365 for Sales"],
    ["Dynamics 365 Sales", "D365 Sales", "Dynamics 365 Ventas"],
  ),
  p(
    "d365_customer_service",
    ["Dynamics 365 Customer Service", "D365 Customer Service"],
    ["Dynamics 365 Customer Service", "Dynamics 365 Servicio al Cliente"],
  ),
  p(
    "d365_finance",
    ["Dynamics 365 Finance", "D365 Finance"],
    ["Dynamics 365 Finance", "Dynamics 365 Finanzas"],
  ),
  p("d365_business_central", ["Dynamics 365 Business Central", "Business Central"]),
  p("power_apps", ["Power Apps", "PowerApps"]),
  p("power_automate", ["Power Automate", "Microsoft Power Automate"]),
  p("power_bi_pro", ["Power BI Pro", "PowerBI Pro"]),
  p("copilot_studio", ["Copilot Studio", "Microsoft Copilot Studio"]),
  p("exchange_online", ["Exchange Online", "Microsoft Exchange Online"]),
  p("sharepoint_online", ["SharePoint Online", "SharePoint"]),
  p("onedrive", ["OneDrive", "OneDrive for Business"], ["OneDrive", "OneDrive para la Empresa"]),
  p("teams", ["Microsoft Teams", "MS Teams"]),
  p("intune", ["Intune", "Microsoft Intune"]),
  p("entra_id_p1", ["Entra ID P1", "Microsoft Entra ID P1", "Azure AD Premium P1"]),
  p(
    "defender_office_365",
    ["Defender for Office 365", "Microsoft Defender for Office 365"],
    ["Defender para Office 365", "Microsoft Defender para Office 365"],
  ),
  p("purview", ["Microsoft Purview", "Purview"]),
  p(
    "m365_copilot",
    ["Microsoft 365 Copilot", "Copilot for Microsoft 365"],
    ["Microsoft 365 Copilot", "Copilot para Microsoft 365"],
  ),
  p("windows_365", ["Windows 365", "Windows 365 Cloud PC"]),
];

export const PARTNERS = [
  "Proseware Consulting",
  "Trey Research Partners",
  "Lucerne Technology Services",
  "Soluciones Nube Clara",
  "Blue Yonder IT",
] as const;

export const PARTNER_PEOPLE = ["Daniel Costa", "Priya Shah", "Elena Vidal", "Mark Olsen"] as const;
