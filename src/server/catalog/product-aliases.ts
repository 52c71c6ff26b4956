// Other names a PoE uses for the catalog's products (issue 14: the preflight looks for any of them),
// in English and Spanish. Keyed by product code; a product an admin adds later is looked for by its
// catalog name alone.
export const PRODUCT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  d365_sales: ["D365 Sales", "Dynamics 365 for Sales", "Dynamics 365 Ventas", "Dynamics Sales"],
  d365_customer_service: [
    "D365 Customer Service",
    "Dynamics 365 for Customer Service",
    "Dynamics 365 Servicio al Cliente",
    "Dynamics 365 Atención al Cliente",
  ],
  d365_field_service: ["D365 Field Service", "Dynamics 365 Servicio de Campo"],
  d365_finance: ["D365 Finance", "Dynamics 365 Finanzas", "Dynamics 365 for Finance"],
  d365_supply_chain: [
    "D365 Supply Chain Management",
    "D365 SCM",
    "Dynamics 365 Supply Chain",
    "Dynamics 365 Gestión de la Cadena de Suministro",
    "Dynamics 365 Cadena de Suministro",
  ],
  d365_business_central: ["D365 Business Central", "Business Central", "Dynamics 365 BC"],
  power_apps: ["PowerApps", "Microsoft Power Apps"],
  power_automate: ["Microsoft Power Automate", "Microsoft Flow", "Power Automate Desktop"],
  power_bi_pro: ["Power BI", "PowerBI", "Microsoft Power BI"],
  power_pages: ["Microsoft Power Pages", "Power Apps Portals"],
  copilot_studio: ["Microsoft Copilot Studio", "Power Virtual Agents"],
  exchange_online: ["Exchange", "Microsoft Exchange Online", "Exchange en línea"],
  sharepoint_online: ["SharePoint", "Microsoft SharePoint", "SharePoint en línea"],
  onedrive: ["OneDrive for Business", "OneDrive para la empresa", "Microsoft OneDrive"],
  teams: ["Microsoft Teams", "MS Teams"],
  teams_phone: ["Microsoft Teams Phone", "Teams Phone System", "Teléfono de Teams", "Telefonía de Teams"],
  intune: ["Microsoft Intune", "Endpoint Manager", "Microsoft Endpoint Manager"],
  entra_id_p1: [
    "Microsoft Entra ID P1",
    "Azure AD Premium P1",
    "Azure Active Directory Premium P1",
    "Entra ID Plan 1",
  ],
  entra_id_p2: [
    "Microsoft Entra ID P2",
    "Azure AD Premium P2",
    "Azure Active Directory Premium P2",
    "Entra ID Plan 2",
  ],
  defender_office_365: [
    "Microsoft Defender for Office 365",
    "Defender para Office 365",
    "Microsoft Defender para Office 365",
  ],
  purview: ["Microsoft Purview"],
  m365_copilot: [
    "Copilot for Microsoft 365",
    "Microsoft 365 Copilot Chat",
    "Copilot para Microsoft 365",
    "M365 Copilot",
  ],
  windows_365: ["Windows 365 Cloud PC", "Windows 365 Enterprise"],
};

/** A product's names for the preflight: its catalog name first, then its aliases. */
export function productNames(code: string, catalogName: string): string[] {
  return [catalogName, ...(PRODUCT_ALIASES[code] ?? [])];
}
