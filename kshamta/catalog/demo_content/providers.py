"""The demo's course providers; the catalogue generator uses them too."""

from __future__ import annotations

from kshamta.catalog.demo_content.spec import ProviderSpec
from kshamta.orgs.demo import ATI_CODE
from kshamta.orgs.state_data import STATE_CODE

ATI_PROVIDER = "MP-ATI"

PROVIDERS: tuple[ProviderSpec, ...] = (
    ProviderSpec(
        ATI_PROVIDER,
        "R.C.V.P. Noronha Academy of Administration and Management",
        "आर.सी.व्ही.पी. नरोन्हा प्रशासन एवं प्रबंधकीय अकादमी",
        "state_ati",
        ATI_CODE,
    ),
    ProviderSpec(
        "MP-REV-TC",
        "Revenue Department Training Cell",
        "राजस्व विभाग प्रशिक्षण प्रकोष्ठ",
        "department_cell",
        f"{STATE_CODE}-REV",
    ),
    ProviderSpec(
        "ISTM",
        "Institute of Secretariat Training and Management",
        "सचिवालय प्रशिक्षण तथा प्रबंध संस्थान",
        "national",
    ),
)
